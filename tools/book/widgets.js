// Loaded before require.js on pages with widgets. The widget renderer (embed-amd.js) finds its
// fonts beside the URL require.js gives its modules, by default the page's own folder: map the
// modules to the renderer's folder (a global `require` is require.js's configuration).
// data-content_root (set by Sphinx) is the way from the page to the site's root.
(function () {
  var root = document.documentElement.dataset.content_root || "./";
  var dist = new URL(root + "_static/course/html-manager/dist", document.baseURI).href;
  window.require = {
    paths: {
      "@jupyter-widgets/html-manager/dist": dist,
      "@jupyter-widgets/html-manager": dist + "/html-manager",
      "@jupyter-widgets/base": dist + "/base",
      "@jupyter-widgets/controls": dist + "/controls",
    },
  };
})();

/* Site search with Pagefind's search box (pagefind-ui.js, from the search bundle the
   build writes into pagefind/). Nothing is fetched until a reader opens the search:
   then the box, and as they type only the index chunks their words need. */
(function () {
  "use strict";
  var opener = document.querySelector(".briefing-search__open");
  if (!opener) return;
  var bundle = new URL(opener.dataset.bundle, window.location.href);
  /* The dialog is made here rather than written into every page. */
  var dialog = document.createElement("dialog");
  dialog.id = "briefing-search";
  dialog.className = "briefing-search";
  dialog.setAttribute("aria-label", "Search");
  dialog.innerHTML =
    '<div class="briefing-search__bar"><span class="briefing-search__title">Search</span>' +
    '<button type="button" class="md-icon briefing-search__close" aria-label="Close search" title="Close search">' +
    '<span class="briefing-icon briefing-icon--material-close"></span></button></div>' +
    '<div class="briefing-search__ui"></div>';
  document.body.appendChild(dialog);
  opener.setAttribute("aria-controls", dialog.id);
  var loading = null;

  function load() {
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = new URL("pagefind-ui.css", bundle).href;
      document.head.appendChild(style);
      var script = document.createElement("script");
      script.src = new URL("pagefind-ui.js", bundle).href;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      /* Results link to the site's own pages, wherever the site is published. */
      var base = new URL("../", bundle).pathname;
      new window.PagefindUI({
        element: dialog.querySelector(".briefing-search__ui"),
        bundlePath: bundle.pathname,
        baseUrl: base,
        showSubResults: true,
        showImages: false,
        resetStyles: false,
        autofocus: true,
        translations: { placeholder: "Search parties, places, claims, documents" },
        /* A result shows its page's excerpt under the page's title, then the sections that
           match; the page's own heading is not repeated as one of them. */
        processResult: function (result) {
          var sections = result.sub_results.filter(function (sub) { return sub.title !== result.meta.title; });
          var page = { title: result.meta.title, url: result.url, excerpt: result.excerpt, locations: [] };
          result.sub_results = [page].concat(sections);
          return result;
        }
      });
    });
    return loading;
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    load().then(function () {
      var input = dialog.querySelector("input");
      if (!input) return;
      input.setAttribute("aria-label", "Search parties, places, claims and documents");  /* a name, not just a placeholder */
      input.focus();
    }, function () {
      dialog.querySelector(".briefing-search__ui").textContent =
        "Search is not available: the search index of this site was not found.";
    });
  }

  opener.addEventListener("click", open);
  dialog.querySelector(".briefing-search__close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();  /* a click on the backdrop */
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (event.key === "/" && !typing && !dialog.open) {
      event.preventDefault();
      open();
    }
  });
})();

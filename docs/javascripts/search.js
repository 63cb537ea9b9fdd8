/* Site search on Pagefind's own engine (pagefind.js, in the search bundle the build
   writes into pagefind/). Nothing is fetched until a reader opens the search; then the
   engine and the list of indexed pages, and as they type only the index chunks their
   words need. The filters (kind of page, topic) are fetched only when the reader opens
   them: Pagefind's ready-made search boxes fetch every filter at start, which at
   10,000 documents is about 140 KB a reader would pay on every first search. */
(function () {
  "use strict";
  var opener = document.querySelector(".briefing-search__open");
  if (!opener) return;
  var bundle = new URL(opener.dataset.bundle, window.location.href);
  var SHOWN = 10;  /* results shown at a time */
  var SECTIONS = 3;  /* matching sections shown under a result */
  var LEAD = 220;  /* characters of a topic's lead shown as its snippet, about as long as Pagefind's */
  var FILTERS = [["kind", "Kind"], ["topic", "Topic"]];
  /* The language Pagefind searches first: the page's own, as it reads it. */
  var PAGE_LANGUAGE = (document.documentElement.getAttribute("lang") || "unknown").toLowerCase();

  var dialog = element("dialog", { id: "briefing-search", class: "briefing-search", "aria-label": "Search" });
  dialog.innerHTML =
    '<div class="briefing-search__bar"><span class="briefing-search__title">Search</span>' +
    '<button type="button" class="md-icon briefing-search__close" aria-label="Close search" title="Close search">' +
    '<span class="briefing-icon briefing-icon--material-close"></span></button></div>' +
    '<form class="briefing-search__form" role="search">' +
    '<input type="search" class="briefing-search__input" autocomplete="off" spellcheck="false" ' +
    'placeholder="Search parties, places, claims, documents" ' +
    'aria-label="Search parties, places, claims and documents"></form>' +
    '<details class="briefing-search__filters"><summary>Filter by kind and topic</summary>' +
    '<div class="briefing-search__filter-sets"></div></details>' +
    '<p class="briefing-search__status" role="status"></p>' +
    '<ol class="briefing-search__results"></ol>' +
    '<button type="button" class="briefing-search__more" hidden>More results</button>';
  document.body.appendChild(dialog);
  opener.setAttribute("aria-controls", dialog.id);

  var input = dialog.querySelector(".briefing-search__input");
  var filters = dialog.querySelector(".briefing-search__filters");
  var status = dialog.querySelector(".briefing-search__status");
  var list = dialog.querySelector(".briefing-search__results");
  var more = dialog.querySelector(".briefing-search__more");
  var engine = null;  /* a promise of Pagefind's module, once the search is first opened */
  var topics = null;  /* a promise of the topics' titles, addresses and leads (topics/search.json) */
  var STOP = ["a", "an", "and", "in", "of", "on", "the", "to"];
  var filtersShown = null;
  var latest = 0;  /* the newest search: an older one that ends later is dropped */
  var pending = [];  /* the results of the newest search not shown yet */
  var shownFirst = [];  /* the addresses of the topics shown first, not shown again */

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  /* A large site is indexed in parts (generator/site/search_index.py): parts.json lists the
     bundles after the first, which Pagefind merges into its search. */
  function parts() {
    return fetch(new URL("parts.json", bundle).href)
      .then(function (response) { return response.ok ? response.json() : { parts: [] }; })
      .then(function (manifest) {
        return (manifest.parts || []).filter(function (part) { return /^part-[0-9]+\/$/.test(part); });
      }, function () { return []; });
  }

  /* The languages a bundle indexed: the site's own (English) and those of the pages of texts
     in their own language (Thai, Khmer, Arabic...), each language in an index of its own. */
  function languages(part) {
    return fetch(new URL("pagefind-entry.json", part).href)
      .then(function (response) { return response.ok ? response.json() : { languages: {} }; })
      .then(function (entry) {
        return Object.keys(entry.languages || {}).filter(function (language) {
          return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(language);
        });
      }, function () { return []; });
  }

  /* Every language's index of every part, searched together: a Thai query reaches the Thai
     texts (Pagefind cuts its words as Thai), an English one the English pages and translations.
     Pagefind itself searches the first part in the page's own language; it merges an index
     only from another address than its own, so "./" spells the first part's address anew
     (the browser reads it as the same). */
  function mergeLanguages(pagefind, part, options) {
    var first = part.pathname === bundle.pathname;
    return languages(part).then(function (found) {
      return Promise.all(found.filter(function (language) {
        return !(first && language === PAGE_LANGUAGE);
      }).map(function (language) {
        return pagefind.mergeIndex(first ? part.pathname + "./" : part.pathname,
          Object.assign({ language: language }, options));
      }));
    });
  }

  function load() {
    if (!engine) {
      engine = Promise.all([import(new URL("pagefind.js", bundle).href), parts()]).then(function (loaded) {
        var pagefind = loaded[0];
        /* Results link to the site's own pages, wherever the site is published. Pagefind
           searches in the page itself, as it did before its 1.5: its web worker would be a
           second copy of its engine to download (12 KB sent) for a search of milliseconds. */
        var site = { baseUrl: new URL("../", bundle).pathname };
        /* Pagefind's default weighs a page's length heavily (0.75), so that a topic, which
           names a word many times in a long page, came after every short claim naming it once. */
        var ranking = { ranking: { pageLength: 0.1 } };
        var merged = Object.assign({}, site, ranking);
        return pagefind.options(Object.assign({ noWorker: true }, site, ranking)).then(function () {
          pagefind.init();
          var others = loaded[1].map(function (part) { return new URL(part, bundle); });
          return Promise.all([bundle].concat(others).map(function (part) {
            return mergeLanguages(pagefind, part, merged);
          }));
        }).then(function () { return pagefind; });
      });
    }
    return engine;
  }

  /* The topics whose title has a word beginning with each word searched for ("cambodia
     border", "karabakh"): shown first, with their lead, whatever Pagefind's order. */
  function loadTopics() {
    if (!topics) {
      topics = fetch(new URL("../topics/search.json", bundle).href)
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { return []; });
    }
    return topics;
  }

  function words(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).filter(function (word) { return word; });
  }

  function topicsNamed(all, term) {
    var wanted = words(term).filter(function (word) { return STOP.indexOf(word) < 0; });
    if (!wanted.length) return [];
    return all.filter(function (topic) {
      var title = words(topic.title);
      return wanted.every(function (word) {
        return title.some(function (own) { return own.indexOf(word) === 0; });
      });
    });
  }

  /* Whether the chosen filters let topics through. */
  function topicsWanted(selected) {
    return !selected.kind || selected.kind.any.indexOf("Topic") >= 0;
  }

  function unavailable() {
    status.textContent = "Search is not available: the search index of this site was not found.";
  }

  /* An excerpt as Pagefind writes it: escaped text with <mark> around the words found.
     Only the text and the marks are taken; nothing else in it becomes markup. */
  function excerpt(html) {
    var paragraph = element("p", { class: "briefing-search__excerpt" });
    var decoder = document.createElement("textarea");
    html.split(/(<mark>|<\/mark>)/).reduce(function (marked, piece) {
      if (piece === "<mark>") return true;
      if (piece === "</mark>") return false;
      decoder.innerHTML = piece;
      var text = document.createTextNode(decoder.value);
      if (marked) {
        var mark = element("mark");
        mark.appendChild(text);
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(text);
      }
      return marked;
    }, false);
    return paragraph;
  }

  function chosen() {
    var selected = {};
    dialog.querySelectorAll(".briefing-search__filter-sets input:checked").forEach(function (box) {
      (selected[box.name] = selected[box.name] || { any: [] }).any.push(box.value);
    });
    return selected;
  }

  function search() {
    var term = input.value.trim();
    var id = ++latest;
    if (!term) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    var selected = chosen();
    Promise.all([load().then(function (pagefind) {
      return pagefind.search(term, { filters: selected });
    }), loadTopics()]).then(function (loaded) {
      var found = loaded[0];
      if (id !== latest || !found) return;
      list.replaceChildren();
      var named = topicsWanted(selected) && !selected.topic ? topicsNamed(loaded[1], term) : [];
      var count = Math.max(found.results.length, named.length);
      status.textContent = count === 0 ? "No results for \u201c" + term + "\u201d"
        : count + (count === 1 ? " result" : " results") + " for \u201c" + term + "\u201d";
      shownFirst = named.map(function (topic) { return new URL(topic.url, new URL("../", bundle)).pathname; });
      named.forEach(function (topic, index) {
        list.appendChild(topicItem(topic, shownFirst[index], term));
      });
      pending = found.results;
      show(id);
    }, unavailable);
  }

  function show(id) {
    var next = pending.slice(0, SHOWN);
    pending = pending.slice(SHOWN);
    more.hidden = pending.length === 0;
    Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (id !== latest) return;
      pages.forEach(function (page) {
        if (shownFirst.indexOf(new URL(page.url, window.location.href).pathname) < 0) list.appendChild(resultItem(page));
      });
    });
  }

  /* What a result is (Topic, Claim, Place...): the kind the page is filed under. */
  function kindBadge(kind) {
    return element("span", { class: "briefing-search__kind" }, kind || "Page");
  }

  /* A topic named by the words searched for: its title, and its lead with those words marked. */
  function topicItem(topic, url, term) {
    var item = element("li", { class: "briefing-search__result" });
    item.appendChild(kindBadge("Topic"));
    item.appendChild(element("a", { class: "briefing-search__result-link", href: url }, topic.title));
    var wanted = words(term);
    var lead = element("p", { class: "briefing-search__excerpt" });
    var text = topic.lead.length > LEAD ? topic.lead.slice(0, topic.lead.lastIndexOf(" ", LEAD)) + "\u2026" : topic.lead;
    text.split(/(\s+)/).forEach(function (piece) {
      var own = words(piece);
      var hit = own.length && wanted.some(function (word) { return own[0].indexOf(word) === 0; });
      if (hit) {
        lead.appendChild(element("mark", {}, piece));
      } else {
        lead.appendChild(document.createTextNode(piece));
      }
    });
    item.appendChild(lead);
    return item;
  }

  /* A result: what it is, its page's title and excerpt, then the sections of the page that
     match (the page's own heading is not repeated as one of them). */
  function resultItem(page) {
    var item = element("li", { class: "briefing-search__result" });
    item.appendChild(kindBadge((page.filters.kind || [])[0]));
    item.appendChild(element("a", { class: "briefing-search__result-link", href: page.url }, page.meta.title));
    item.appendChild(excerpt(page.excerpt));
    var sections = page.sub_results.filter(function (sub) {
      return sub.title !== page.meta.title && sub.url !== page.url;
    }).slice(0, SECTIONS);
    if (sections.length) {
      var nested = element("ul", { class: "briefing-search__sections" });
      sections.forEach(function (sub) {
        var entry = element("li");
        entry.appendChild(element("a", { class: "briefing-search__result-link", href: sub.url }, sub.title));
        entry.appendChild(excerpt(sub.excerpt));
        nested.appendChild(entry);
      });
      item.appendChild(nested);
    }
    return item;
  }

  /* The filters, fetched the first time the reader opens them: each value with the
     number of pages it holds; values of one filter add up, two filters narrow down. */
  function showFilters() {
    if (filtersShown) return;
    var sets = dialog.querySelector(".briefing-search__filter-sets");
    sets.textContent = "Loading the filters\u2026";
    filtersShown = load().then(function (pagefind) { return pagefind.filters(); }).then(function (available) {
      sets.replaceChildren();
      FILTERS.forEach(function (pair) {
        var values = available[pair[0]] || {};
        var fieldset = element("fieldset");
        fieldset.appendChild(element("legend", {}, pair[1]));
        Object.keys(values).sort().forEach(function (value) {
          var label = element("label");
          label.appendChild(element("input", { type: "checkbox", name: pair[0], value: value }));
          label.appendChild(document.createTextNode(" " + value + " "));
          label.appendChild(element("span", { class: "briefing-search__count" }, "(" + values[value] + ")"));
          fieldset.appendChild(label);
        });
        sets.appendChild(fieldset);
      });
    }, function () {
      sets.textContent = "The filters could not be loaded.";
      filtersShown = null;
    });
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    load().catch(unavailable);
  }

  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(search, 200);
  });
  dialog.querySelector(".briefing-search__form").addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    search();
  });
  filters.addEventListener("toggle", function () { if (filters.open) showFilters(); });
  dialog.addEventListener("change", function (event) {
    if (event.target.name) search();  /* a filter ticked or unticked */
  });
  more.addEventListener("click", function () { show(latest); });
  opener.addEventListener("click", open);
  dialog.querySelector(".briefing-search__close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();  /* a click on the backdrop */
  });
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    var busy = /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable;
    if (event.key === "/" && !busy && !dialog.open) {
      event.preventDefault();
      open();
    }
  });
})();

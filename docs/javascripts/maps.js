// Maps of places: each <div class="briefing-map" data-points="[...]"> becomes a
// Leaflet map with one marker per place, and each place's line or area drawn.
// The basemap is the site's own: Natural Earth country outlines (world-atlas),
// so a map draws offline and loads nothing from elsewhere. OpenStreetMap tiles
// are an option a reader turns on in the map's layer control.
// Text from the data only ever reaches the page through textContent and
// Leaflet's title/alt options, never as HTML.
(function () {
  "use strict";

  var site = document.currentScript.src.replace(/javascripts\/maps\.js(\?.*)?$/, "");
  var outlines = null; // one download of the country outlines per page

  function countries() {
    if (!outlines) {
      outlines = fetch(site + "assets/vendor/world-atlas/countries-50m.json")
        .then(function (response) { return response.json(); })
        .then(function (world) { return topojson.feature(world, world.objects.countries); });
    }
    return outlines;
  }

  function dark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function basemap(map) {
    var layer = L.geoJSON(null, {
      interactive: false,
      style: function () {
        return dark()
          ? { color: "#8a93a6", weight: 1, fillColor: "#2e3440", fillOpacity: 1 }
          : { color: "#7b8794", weight: 1, fillColor: "#eef1f4", fillOpacity: 1 };
      },
      attribution: "Outlines: Natural Earth",
    });
    countries().then(function (features) {
      layer.addData(features);
      layer.bringToBack();
    });
    var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    });
    layer.addTo(map);
    L.control.layers({ "Outline map": layer, "OpenStreetMap (loads tiles from openstreetmap.org)": tiles },
      null, { collapsed: true }).addTo(map);
  }

  function label(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  function render(element) {
    var points = JSON.parse(element.getAttribute("data-points") || "[]");
    if (!points.length || typeof L === "undefined") {
      return;
    }
    // Shown before the map is made, so that Leaflet measures the real box, not a hidden one.
    element.classList.add("briefing-map--ready");
    var map = L.map(element, { scrollWheelZoom: false });
    element.style.background = dark() ? "#1e2129" : "#d9e8f5"; // the sea
    basemap(map);
    var markers = points.map(function (point) {
      var marker = L.marker([point.lat, point.lon], { title: point.name, alt: point.name, keyboard: true });
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      marker.bindPopup(link);
      return marker.addTo(map);
    });
    // Lines and areas (a border, a line of control), with the name as a tooltip.
    var shapes = points.filter(function (point) { return point.geometry; }).map(function (point) {
      var shape = L.geoJSON({ type: "Feature", geometry: point.geometry, properties: {} },
        { style: { color: "#c2185b", weight: 3, className: "briefing-shape" } });
      shape.bindTooltip(label(point.name));
      return shape.addTo(map);
    });
    var everything = markers.concat(shapes);
    if (everything.length === 1) {
      map.setView(markers[0].getLatLng(), 8);
    } else {
      map.fitBounds(L.featureGroup(everything).getBounds().pad(0.2), { maxZoom: 10 });
    }
  }

  function renderAll() {
    document.querySelectorAll(".briefing-map:not(.briefing-map--ready)").forEach(render);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();

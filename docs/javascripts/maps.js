// Maps of places: each <div class="briefing-map" data-points="[...]"> becomes a
// Leaflet map with one marker per place. Text from the data only ever reaches
// the page through textContent and Leaflet's title/alt options, never as HTML.
(function () {
  "use strict";

  function render(element) {
    var points = JSON.parse(element.getAttribute("data-points") || "[]");
    if (!points.length || typeof L === "undefined") {
      return;
    }
    // Shown before the map is made, so that Leaflet measures the real box, not a hidden one.
    element.classList.add("briefing-map--ready");
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    }).addTo(map);
    var markers = points.map(function (point) {
      var marker = L.marker([point.lat, point.lon], { title: point.name, alt: point.name, keyboard: true });
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      marker.bindPopup(link);
      return marker.addTo(map);
    });
    // Lines and areas (a border, a line of control) drawn as GeoJSON, with the name as a tooltip.
    var shapes = points.filter(function (point) { return point.geometry; }).map(function (point) {
      var shape = L.geoJSON({ type: "Feature", geometry: point.geometry, properties: {} },
        { style: { color: "#c2185b", weight: 3 } });
      var name = document.createElement("span");
      name.textContent = point.name;
      shape.bindTooltip(name);
      return shape.addTo(map);
    });
    markers = markers.concat(shapes);
    if (markers.length === 1) {
      map.setView(markers[0].getLatLng(), 9);
    } else {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.25));
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

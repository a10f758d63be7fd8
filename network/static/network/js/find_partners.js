// The members map: progressive enhancement over the list. Without Leaflet (or JavaScript) the list is the page.
(function () {
  "use strict";
  var container = document.getElementById("partners-map");
  var dataNode = document.getElementById("partners-map-points");
  if (!container || !dataNode || typeof window.L === "undefined") {
    return;
  }
  var points = JSON.parse(dataNode.textContent);
  if (!points.length) {
    return;
  }
  container.hidden = false;
  var map = window.L.map(container, { scrollWheelZoom: false });
  if (container.dataset.tilesUrl) {
    window.L.tileLayer(container.dataset.tilesUrl, {
      maxZoom: 18,
      attribution: container.dataset.tilesAttribution || "",
    }).addTo(map);
  }
  var icon = window.L.icon({
    iconUrl: container.dataset.markerIcon,
    iconRetinaUrl: container.dataset.markerIcon2x,
    shadowUrl: container.dataset.markerShadow,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    shadowSize: [41, 41],
  });
  var bounds = [];
  points.forEach(function (point) {
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    var popup = document.createElement("div");
    popup.appendChild(link);
    if (point.city) {
      popup.appendChild(document.createTextNode(" · " + point.city));
    }
    window.L.marker([point.lat, point.lng], { icon: icon, title: point.name }).addTo(map).bindPopup(popup);
    bounds.push([point.lat, point.lng]);
  });
  map.fitBounds(bounds, { padding: [30, 30], maxZoom: 8 });
})();

// The report's only script, inline: a search box that filters the articles, sortable tables.
(function () {
  "use strict";
  var search = document.getElementById("search");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#article-list tbody tr"));
  function filter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    rows.forEach(function (row) {
      var haystack = row.getAttribute("data-search");
      var shown = words.every(function (word) { return haystack.indexOf(word) >= 0; });
      row.classList.toggle("hidden", !shown);
      var section = document.getElementById(row.getAttribute("data-article"));
      if (section) { section.classList.toggle("hidden", !shown); }
    });
  }
  if (search) { search.addEventListener("input", filter); }
  function cellValue(row, index) {
    var text = row.children[index].textContent.trim();
    var number = Number(text);
    return text !== "" && !isNaN(number) ? number : text.toLowerCase();
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.querySelectorAll("th"), function (header, index) {
      header.classList.add("sortable");
      header.addEventListener("click", function () {
        var body = table.tBodies[0];
        var up = header.getAttribute("data-order") !== "up";
        header.setAttribute("data-order", up ? "up" : "down");
        Array.prototype.slice.call(body.rows).sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
        }).forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  document.body.setAttribute("data-ready", "1");
})();

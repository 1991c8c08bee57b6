#if Server
/// The one script the server serves (`/app.js`, allowed by the Content-Security-Policy as `'self'`): it
/// shows the print and copy buttons, which need JavaScript, and checks the form's numbers against their units
/// before sending (`7000` with `ha` left on), with the server's own words (``FormPage``). Without it the page
/// still works: the message can be selected and copied by hand, the browser prints, and the server checks.
enum ClientScript {
    static let source = """
    (function () {
      var print = document.getElementById("print");
      if (print) { print.hidden = false; print.addEventListener("click", function () { window.print(); }); }
      var copy = document.getElementById("copy"), message = document.getElementById("message");
      if (copy && message) {
        copy.hidden = false;
        copy.addEventListener("click", function () {
          message.select();
          var done = function () { copy.textContent = copy.getAttribute("data-done"); };
          if (navigator.clipboard) { navigator.clipboard.writeText(message.value).then(done, function () { document.execCommand("copy"); done(); }); }
          else { document.execCommand("copy"); done(); }
        });
      }
      var form = document.querySelector('form[action="/advice"][data-land-max]');
      if (form) {
        form.addEventListener("submit", function (event) {
          var locale = document.documentElement.lang === "vi" ? "vi-VN" : "en-US";
          var group = function (n) { return n.toLocaleString(locale, { maximumFractionDigits: 0 }); };
          // A bare number as a phone types it (7000, 0,7, 1.5); null for text with a unit, and for 7.000
          // (thousands or a decimal?), which the server asks about.
          var bare = function (text) {
            var t = text.trim();
            if (!/^[0-9]+([.,][0-9]+)?$/.test(t) || /^[0-9]{1,3}[.][0-9]{3}$/.test(t)) { return null; }
            return parseFloat(t.replace(",", "."));
          };
          var fill = function (template, values) {
            return Object.keys(values).reduce(function (t, key) { return t.split("{" + key + "}").join(values[key]); }, template);
          };
          var problems = [];
          var land = bare(form.land.value), unit = form.land_unit.options[form.land_unit.selectedIndex];
          if (land !== null && land > 0 && unit) {
            var m2 = land * parseFloat(unit.getAttribute("data-m2"));
            var values = { written: form.land.value.trim() + " " + unit.textContent, number: form.land.value.trim(), m2: group(m2) + " m²" };
            if (m2 > parseFloat(form.getAttribute("data-land-max"))) { problems.push([form.land, fill(form.getAttribute("data-land-long"), values)]); }
            else if (m2 < parseFloat(form.getAttribute("data-land-min"))) { problems.push([form.land, fill(form.getAttribute("data-land-short"), values)]); }
          }
          var capital = bare(form.capital.value);
          if (capital !== null && capital > 0 && capital < parseFloat(form.getAttribute("data-money-min"))) {
            var amount = locale === "vi-VN" ? group(capital) + " ₫" : "VND " + group(capital);
            problems.push([form.capital, fill(form.getAttribute("data-money-short"), { written: form.capital.value.trim(), amount: amount })]);
          }
          Array.prototype.forEach.call(form.querySelectorAll(".check"), function (p) { p.remove(); });
          Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (i) { i.removeAttribute("aria-invalid"); });
          if (problems.length === 0) { return; }
          event.preventDefault();
          problems.forEach(function (problem) {
            var note = document.createElement("p");
            note.className = "check";
            note.setAttribute("role", "alert");
            note.textContent = problem[1];
            problem[0].setAttribute("aria-invalid", "true");
            problem[0].closest(".field").appendChild(note);
          });
          problems[0][0].focus();
        });
      }
    })();

    """
}
#endif

#if Server
/// The one script the server serves (`/app.js`, allowed by the Content-Security-Policy as `'self'`): it
/// shows the print and copy buttons, which need JavaScript. Without it the page still works: the message can
/// be selected and copied by hand, and the browser prints.
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
    })();

    """
}
#endif

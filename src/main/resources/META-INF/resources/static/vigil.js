// Progressive enhancement only: every page and form works without this file.
// A file input with data-max-count/data-max-bytes says at once when the chosen files are over the
// limits (in the words its data-too-many/data-too-large attributes carry), so the typed text is
// never sent, refused and lost.
document.addEventListener("change", function (event) {
  var input = event.target;
  if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) return;
  var max = Number(input.dataset.maxBytes), count = Number(input.dataset.maxCount);
  var message = "";
  if (input.files.length > count) message = input.dataset.tooMany;
  for (var i = 0; i < input.files.length && !message; i++) {
    if (input.files[i].size > max) message = input.dataset.tooLarge.replace("{0}", input.files[i].name);
  }
  input.setCustomValidity(message);
  var note = document.getElementById(input.id + "-check");
  if (note) note.textContent = message;
  if (message) input.reportValidity();
});

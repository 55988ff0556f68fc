// Reload buttons fetch the page's own address again (its query too), not the form's postback address.
$(document).on('click', '.fs-reload', function () {
  location.replace(location.href.split('#')[0]);
});

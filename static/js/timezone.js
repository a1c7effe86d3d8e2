/* Events: remember the browser's time zone so event times are shown in it (the pages
   work without this; a reader can also choose a zone with the form). */
(function () {
  "use strict";
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone || !/^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone)) { return; }
  if (document.cookie.split("; ").some(function (c) { return c.indexOf("headstart_tz=") === 0; })) {
    return;  /* chosen before (by this script or the form): keep it */
  }
  document.cookie = "headstart_tz=" + zone + "; path=/; max-age=31536000; samesite=lax";
  var shown = document.querySelector("[data-reader-zone]");
  var stored = document.cookie.indexOf("headstart_tz=" + zone) !== -1;
  if (stored && shown && shown.getAttribute("data-reader-zone") !== zone &&
      !/[?&]tz=/.test(location.search)) {
    location.reload();
  }
})();

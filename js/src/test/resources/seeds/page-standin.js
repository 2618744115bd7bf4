// A stand-in for Alipay's Page(): keeps the page object so that the test can "tap" its methods in order.
var page = null;
function Page(definition) {
  page = definition;
}
function tap(method) {
  page[method]();
}

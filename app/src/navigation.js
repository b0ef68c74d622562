// Where JavaScript runs, a link or a form inside Uraia swaps the page in place instead of loading it whole (issue
// 15): on slow 3G the browser skips the unload, the re-parse of the CSS and the blank screen between pages. The
// server still renders every page; this only fetches it. Without JavaScript, or for anything unusual (another
// site, a download, a file upload, a new build, a failed fetch), the browser does what it always does.
// Loaded by every page's head with the page's CSP nonce (a file named by its content, kept by the browser for
// good). Of a fetched page's inline scripts only those carrying that response's own nonce (from its
// Content-Security-Policy header) run again, under this document's nonce: markup injected into a page, without the
// nonce, stays inert as the policy meant.
(() => {
  if (!window.fetch || !window.DOMParser || !window.history.pushState || !window.URLSearchParams) return;
  const nonce = document.currentScript && document.currentScript.nonce;
  const ours = (url) => url.origin === location.origin && /^\/(en|sw)(\/|$)/.test(url.pathname);
  const api = (url) => url.origin === location.origin && url.pathname.startsWith("/api/");
  // A build is known by the names of its CSS and of this script, both named by their content.
  const build = (doc) => {
    const css = doc.querySelector('link[rel="stylesheet"]');
    const code = doc.getElementById("uraia-navigation");
    return (css ? css.getAttribute("href") : "") + " " + (code ? code.getAttribute("src") : "");
  };
  let latest = 0;
  // The page on screen (a change of the fragment alone, as the skip link makes, is not a new page).
  let shown = location.pathname + location.search;

  async function go(url, init, history, form) {
    const nav = ++latest;
    // Until the next page is in, this one takes no clicks or typing: a second tap on a slow link would otherwise
    // send the form again, or act on a page that is about to go.
    document.documentElement.setAttribute("aria-busy", "true");
    document.body.inert = true;
    let response;
    let html;
    let fetchedNonce = "";
    try {
      response = await fetch(url, Object.assign({ credentials: "same-origin", headers: { Accept: "text/html" } }, init));
      const type = response.headers.get("content-type") || "";
      if (!type.startsWith("text/html") || !ours(new URL(response.url))) {
        throw new Error("not one of our pages");
      }
      html = await response.text();
      const policy = response.headers.get("content-security-policy") || "";
      const found = /'nonce-([^']+)'/.exec(policy);
      fetchedNonce = found ? found[1] : "";
    } catch (error) {
      if (nav !== latest) return;
      document.body.inert = false;
      document.documentElement.removeAttribute("aria-busy");
      // A page of another kind, or no answer: the ordinary way. A form that was sent is not sent again; the
      // browser shows where its answer led.
      if (response) location.assign(response.url);
      else if (form) HTMLFormElement.prototype.submit.call(form);
      else location.assign(url);
      return;
    }
    if (nav !== latest) return;
    const doc = new DOMParser().parseFromString(html, "text/html");
    if (build(doc) !== build(document)) {
      document.body.inert = false;
      location.assign(response.url); // a new build: its CSS and code are loaded whole
      return;
    }
    swap(doc, response.url, history, fetchedNonce);
  }

  function swap(doc, url, history, fetchedNonce) {
    const islands = doc.body.querySelector("leptos-island") !== null;
    if (history === "push") window.history.pushState({ uraia: 1 }, "", url);
    else window.history.replaceState({ uraia: 1 }, "", url);
    document.title = doc.title;
    document.documentElement.lang = doc.documentElement.lang;
    document.documentElement.removeAttribute("aria-busy");
    if (islands) document.documentElement.removeAttribute("data-hydrated");
    document.body.replaceWith(document.adoptNode(doc.body));
    shown = location.pathname + location.search;
    // Scripts parsed from a string do not run: the page's own (those with its response's nonce) run again, under
    // this document's nonce (this one excepted: its listeners are already in place). The head's module script
    // hydrates the new page's islands.
    const scripts = [...document.body.querySelectorAll("script")];
    if (islands) scripts.push(...doc.head.querySelectorAll('script[type="module"]'));
    for (const old of scripts) {
      if (old.src || !old.textContent || old.id === "uraia-navigation") continue;
      if (!fetchedNonce || (old.nonce || old.getAttribute("nonce")) !== fetchedNonce) continue;
      const script = document.createElement("script");
      if (old.type) script.type = old.type;
      script.nonce = nonce;
      script.textContent = old.textContent;
      if (old.ownerDocument === document) old.replaceWith(script);
      else document.head.appendChild(script);
    }
    if (!location.hash) window.scrollTo(0, 0);
    // Focus where a full load would leave the reader: what the page marks autofocus (the summary of a refused
    // form's errors), else the page's heading, which a screen reader then reads out.
    const target = document.querySelector("[autofocus]") || document.querySelector("main h1, h1");
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }

  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href, location.href);
    if (!ours(url)) return;
    // A link to a part of this same page (the skip link) is the browser's.
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    event.preventDefault();
    go(url.href, undefined, "push");
  });

  document.addEventListener("submit", (event) => {
    if (event.defaultPrevented) return;
    const form = event.target;
    const method = (form.getAttribute("method") || "get").toLowerCase();
    if (form.enctype === "multipart/form-data" || form.target || form.hasAttribute("data-full-page")) return;
    if (method !== "get" && method !== "post") return;
    const url = new URL(form.action, location.href);
    if (method === "get" ? !ours(url) : !(ours(url) || api(url))) return;
    const data = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string") data.append(name, value);
    const submitter = event.submitter;
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    event.preventDefault();
    if (method === "get") {
      url.search = data.toString();
      go(url.href, undefined, "push");
    } else {
      go(url.href, { method: "POST", body: data }, "push", form);
    }
  });

  window.addEventListener("popstate", () => {
    if (location.pathname + location.search !== shown) go(location.href, undefined, "replace");
  });
})();

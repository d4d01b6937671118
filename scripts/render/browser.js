/*
 * The checks of scripts/render/browser.sh, run inside the page by the
 * browser.  browser.sh loads a copy of the page, with this script and
 * expect.js (the list browserExpect) added at the top of its <head>, in
 * a frame of each width asked for; once the page has loaded, the checks
 * run and their results go to the enclosing document (browser.sh's
 * frame.html), one message per width:
 *   fail MESSAGE       a check that failed
 *   count KIND N       what was checked, for the summary
 *   height N           the page's height at this width, in pixels
 * Checks that do not depend on the width run in the first frame only.
 */
(function () {
	'use strict';
	var scriptErrors = [];

	window.addEventListener('error', function (event) {
		scriptErrors.push(event.message + ' (' + (event.filename || 'page') + ':' + event.lineno + ')');
	});

	function squeeze(text) {
		return text.replace(/\s+/g, ' ').trim();
	}

	function shown(element) {
		return element.getClientRects().length > 0 &&
			window.getComputedStyle(element).visibility !== 'hidden';
	}

	function quote(text) {
		text = text.trim();
		return '"' + (text.length > 60 ? text.slice(0, 57) + '...' : text) + '"';
	}

	function checkHeading(title, fail) {
		var headings = document.querySelectorAll('h1, h2, h3, h4, h5, h6');
		var i;

		for (i = 0; i < headings.length; i++) {
			if (squeeze(headings[i].textContent) === title) {
				if (!shown(headings[i]))
					fail('section ' + quote(title) + ' is a heading that is not shown');
				return;
			}
		}
		fail('section ' + quote(title) + ' is not a heading of the page');
	}

	function checkText(text, fail) {
		if (squeeze(document.body.innerText).indexOf(squeeze(text)) < 0)
			fail('the text ' + quote(text) + ' is not shown');
	}

	function checkElement(selector, fail) {
		var found = document.querySelectorAll(selector);
		var i;

		for (i = 0; i < found.length; i++)
			if (shown(found[i]))
				return;
		fail('no element ' + selector + ' is shown');
	}

	/*
	 * Another file is read as the browser reads it (browser.sh allows a
	 * file to read files) and parsed, so that its ids are the DOM's.
	 */
	var documents = {};
	function documentAt(url) {
		var request;

		if (url === document.baseURI.split('#')[0])
			return document;
		if (!(url in documents)) {
			documents[url] = null;
			try {
				request = new XMLHttpRequest();
				request.open('GET', url, false);
				request.send();
				documents[url] = new DOMParser().parseFromString(request.responseText, 'text/html');
			} catch (e) {
				documents[url] = null;
			}
		}
		return documents[url];
	}

	function checkLinks(fail, count) {
		var anchors = document.querySelectorAll('a[href], area[href]');
		var i, href, url, target, fragment, file;

		for (i = 0; i < anchors.length; i++) {
			href = anchors[i].getAttribute('href');
			url = new URL(href, document.baseURI);
			if (url.protocol !== 'file:')
				continue;
			count();
			file = url.href.split('#')[0];
			target = documentAt(file);
			if (target === null) {
				fail('link ' + quote(href) + ': ' + decodeURIComponent(url.pathname) + ' does not exist');
				continue;
			}
			fragment = decodeURIComponent(url.hash.slice(1));
			if (fragment !== '' && target.getElementById(fragment) === null)
				fail('link ' + quote(href) + ': no id ' + quote(fragment) + ' in ' +
					decodeURIComponent(url.pathname.replace(/.*\//, '')));
		}
	}

	/* What the page loaded itself: every resource must be a local file. */
	function checkLocal(fail) {
		var entries = performance.getEntriesByType('resource');
		var sources = document.querySelectorAll('[src], link[href]');
		var i, url;

		for (i = 0; i < entries.length; i++)
			if (!/^(file|data|about|blob):/.test(entries[i].name))
				fail('loads ' + quote(entries[i].name) + ' from outside');
		for (i = 0; i < sources.length; i++) {
			url = sources[i].src || sources[i].href;
			if (url && !/^(file|data|about|blob):/.test(url))
				fail('<' + sources[i].localName + '> refers to ' + quote(url) + ', outside');
		}
	}

	function longestLine(text) {
		var lines = text.split('\n');
		var i, best = '';

		for (i = 0; i < lines.length; i++)
			if (lines[i].length > best.length)
				best = lines[i];
		return best;
	}

	function checkPres(width, fail, count) {
		var blocks = document.querySelectorAll('pre');
		var i, pre;

		for (i = 0; i < blocks.length; i++) {
			pre = blocks[i];
			if (!shown(pre))
				continue;
			count();
			if (pre.scrollWidth > pre.clientWidth)
				fail('at ' + width + ' px, code block ' + (i + 1) + ' overflows its box (' +
					pre.scrollWidth + ' px in ' + pre.clientWidth + ' px): ' +
					quote(longestLine(pre.textContent)));
		}
	}

	window.addEventListener('load', function () {
		var params = new URLSearchParams(window.location.search);
		var width = params.get('width');
		var first = params.has('first');
		var report = [];
		var counts = {};
		var i, kind, arg, space;

		function fail(message) {
			report.push('fail ' + message);
		}
		function counter(kind) {
			counts[kind] = counts[kind] || 0;
			return function () { counts[kind]++; };
		}

		for (i = 0; i < browserExpect.length; i++) {
			space = browserExpect[i].indexOf(' ');
			kind = space < 0 ? browserExpect[i] : browserExpect[i].slice(0, space);
			arg = space < 0 ? '' : browserExpect[i].slice(space + 1);
			if (kind === 'pre-fits') {
				checkPres(width, fail, counter('code-blocks'));
			} else if (!first) {
				continue;
			} else if (kind === 'heading') {
				counter('sections')();
				checkHeading(arg, fail);
			} else if (kind === 'text') {
				counter('texts')();
				checkText(arg, fail);
			} else if (kind === 'element') {
				counter('elements')();
				checkElement(arg, fail);
			} else if (kind === 'links') {
				checkLinks(fail, counter('links'));
			} else if (kind === 'local') {
				checkLocal(fail);
			}
		}
		if (first)
			for (i = 0; i < scriptErrors.length; i++)
				fail('script error: ' + scriptErrors[i]);
		for (kind in counts)
			report.push('count ' + kind + ' ' + counts[kind]);
		report.push('height ' + document.documentElement.scrollHeight);
		window.parent.postMessage(JSON.stringify({ width: width, report: report }), '*');
	});
}());

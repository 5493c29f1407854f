/*
 * What the agent page and the manager dashboard share: DOM helpers that never parse server text as HTML,
 * fetch with the session cookie, and the sign-in form that exchanges a token for the HttpOnly session
 * cookie once (the token is read from the form, sent in one POST body and cleared: it never reaches a
 * URL, storage or the console). Loaded before each page's own script.
 */
(function () {
  'use strict';

  function byId(id) { return document.getElementById(id); }

  /** A DOM element with attributes and children (strings become text nodes: nothing is parsed as HTML). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) { return; }
        if (key === 'className') { node.className = value; }
        else if (key === 'text') { node.textContent = value; }
        else { node.setAttribute(key, value === true ? '' : String(value)); }
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  /**
   * fetch with the session cookie; resolves to {status, ok, data} and never throws on HTTP errors.
   * sessionEnded runs on a 401 from any route but the session's own.
   */
  function createApi(sessionEnded) {
    return function api(method, path, body) {
      var options = { method: method, credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } };
      if (body !== undefined) {
        options.headers['Content-Type'] = 'application/json';
        options.body = JSON.stringify(body);
      }
      return fetch(path, options).then(function (response) {
        return response.text().then(function (text) {
          var data = null;
          if (text) {
            try { data = JSON.parse(text); } catch (e) { data = null; }
          }
          if (response.status === 401 && path !== '/v1/session') {
            sessionEnded();
          }
          return { status: response.status, ok: response.ok, data: data };
        });
      });
    };
  }

  /** The first error message of an API error body ({"errors":[{"field","message"}]}), if any. */
  function errorText(reply, fallback) {
    var errors = reply && reply.data && reply.data.errors;
    if (errors && errors.length) {
      var first = errors[0];
      return (first.field ? first.field + ' ' : '') + (first.message || '');
    }
    if (reply && reply.data && reply.data.message) { return reply.data.message; }
    return fallback;
  }

  /** Who the session cookie belongs to: signedIn(me), or signedOut(message) ('' when simply not signed in). */
  function checkSession(api, signedIn, signedOut) {
    return api('GET', '/v1/session').then(function (reply) {
      if (reply.status === 200 && reply.data) {
        signedIn(reply.data);
      } else {
        signedOut(reply.status === 401 ? '' : 'Could not check your session (HTTP ' + reply.status + ').');
      }
    }).catch(function () {
      signedOut('The server is not answering. Try again in a moment.');
    });
  }

  /**
   * The sign-in form's submit handler (#token, #signin-button, #signin-error): posts the credential once,
   * then runs afterSignIn. options: api, emptyMessage, refusedMessage, afterSignIn.
   */
  function signInHandler(options) {
    return function onSignIn(event) {
      event.preventDefault();
      var input = byId('token');
      var token = input.value.trim();
      input.value = '';
      var error = byId('signin-error');
      if (!token) {
        error.textContent = options.emptyMessage;
        input.focus();
        return;
      }
      error.textContent = '';
      var button = byId('signin-button');
      button.disabled = true;
      button.textContent = 'Signing in…';
      options.api('POST', '/v1/session', { token: token }).then(function (reply) {
        token = null;
        if (reply.ok) {
          return options.afterSignIn();
        }
        error.textContent = reply.status === 401 || reply.status === 403
          ? options.refusedMessage
          : errorText(reply, 'Sign-in failed (HTTP ' + reply.status + ').');
        input.focus();
        return null;
      }).catch(function () {
        error.textContent = 'The server is not answering. Try again in a moment.';
      }).then(function () {
        button.disabled = false;
        button.textContent = 'Sign in';
      });
    };
  }

  /** The sign-out button's handler: ends the session, then signedOut(message). */
  function signOutHandler(api, signedOut) {
    return function onSignOut() {
      api('DELETE', '/v1/session').catch(function () { return null; }).then(function () {
        signedOut('You are signed out.');
      });
    };
  }

  window.LeadCadencePage = {
    byId: byId,
    el: el,
    createApi: createApi,
    errorText: errorText,
    checkSession: checkSession,
    signInHandler: signInHandler,
    signOutHandler: signOutHandler
  };
})();

// Runs first in <body>, before paint, so NHS.UK frontend styles its scripted components at once.
const supported = 'noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : ''
document.body.className += ` js-enabled${supported}`

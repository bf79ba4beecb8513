/*
 * Passkeys (WebAuthn), progressively enhanced: the buttons are hidden until this file
 * finds navigator.credentials; without it, the code form does the same job.
 * - <button data-passkey-register data-options-url data-url data-name="…" data-failed="…">
 *   adds a passkey, then reloads the page;
 * - <button data-passkey-verify data-options-url data-url data-failed="…"> gives one as the
 *   second step of a sign-in, then goes where the server says.
 * The CSRF token is read from the enclosing form's _csrf field.
 */

function toBytes(base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/')
  const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')
  return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0))
}

function toBase64url(buffer) {
  let text = ''
  for (const byte of new Uint8Array(buffer)) text += String.fromCharCode(byte)
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

async function postJson(button, url, body) {
  const token = button.closest('form')?.querySelector('input[name="_csrf"]')?.value ?? ''
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Accept': 'application/json',
      'X-CSRF-TOKEN': token,
    },
    body: JSON.stringify(body ?? {}),
    credentials: 'same-origin',
  })
  if (response.status === 403) {
    const answer = await response.json().catch(() => ({}))
    // Adding a passkey is sudo: confirm the password (and code), then come back here.
    if (answer.errors?.[0]?.code === 'E_SUDO_REQUIRED') {
      window.location.assign(`/sudo?return_to=${encodeURIComponent(window.location.pathname)}`)
      return new Promise(() => {})
    }
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.json()
}

function credentialJSON(credential) {
  if (typeof credential.toJSON === 'function') return credential.toJSON()
  const response = credential.response
  const json = {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    response: { clientDataJSON: toBase64url(response.clientDataJSON) },
    clientExtensionResults: credential.getClientExtensionResults?.() ?? {},
  }
  if (response.attestationObject) {
    json.response.attestationObject = toBase64url(response.attestationObject)
    json.response.transports = response.getTransports?.() ?? []
  } else {
    json.response.authenticatorData = toBase64url(response.authenticatorData)
    json.response.signature = toBase64url(response.signature)
    if (response.userHandle) json.response.userHandle = toBase64url(response.userHandle)
  }
  return json
}

async function register(button) {
  const options = await postJson(button, button.dataset.optionsUrl)
  const publicKey = {
    ...options,
    challenge: toBytes(options.challenge),
    user: { ...options.user, id: toBytes(options.user.id) },
    excludeCredentials: (options.excludeCredentials ?? []).map((item) => ({
      ...item,
      id: toBytes(item.id),
    })),
  }
  const credential = await navigator.credentials.create({ publicKey })
  await postJson(button, button.dataset.url, {
    name: button.dataset.name,
    credential: credentialJSON(credential),
  })
  window.location.reload()
}

async function verify(button) {
  const options = await postJson(button, button.dataset.optionsUrl)
  const publicKey = {
    ...options,
    challenge: toBytes(options.challenge),
    allowCredentials: (options.allowCredentials ?? []).map((item) => ({
      ...item,
      id: toBytes(item.id),
    })),
  }
  const credential = await navigator.credentials.get({ publicKey })
  const answer = await postJson(button, button.dataset.url, {
    credential: credentialJSON(credential),
  })
  window.location.assign(answer.data.redirect)
}

if (window.PublicKeyCredential && navigator.credentials) {
  for (const button of document.querySelectorAll(
    '[data-passkey-register], [data-passkey-verify]'
  )) {
    button.hidden = false
    button.addEventListener('click', async (event) => {
      event.preventDefault()
      button.disabled = true
      try {
        await ('passkeyRegister' in button.dataset ? register(button) : verify(button))
      } catch {
        window.alert(button.dataset.failed)
      } finally {
        button.disabled = false
      }
    })
  }
}

// A minimal Calendly webhook receiver on Node's own http and crypto, with the same checks as the
// library (method, client address allowlist, rate limit charged on failures, body size, content type,
// signature with tolerance, JSON envelope, idempotency in an in-memory set). The load test's second
// baseline: the stack the setup guide was written for.
'use strict';

const http = require('node:http');
const crypto = require('node:crypto');

const port = Number(process.argv[2] || 8082);
const secret = process.env.CALENDLY_WEBHOOK_SECRET;
if (!secret) {
  throw new Error('CALENDLY_WEBHOOK_SECRET must be set');
}
const path = '/api/webhooks/calendly';
const allowedIps = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const toleranceSeconds = 180;
const maxBodySize = 256 * 1024;
const limitPerMinute = 10;
const seen = new Set();
const failures = new Map();

function reply(res, status, body, headers) {
  res.writeHead(status, Object.assign({ 'Content-Type': 'application/json' }, headers || {}));
  res.end(JSON.stringify(body));
}

function reject(res, ip, status, error, message) {
  const now = Date.now();
  const entry = failures.get(ip) || { count: 0, since: now };
  if (now - entry.since > 60000) {
    entry.count = 0;
    entry.since = now;
  }
  entry.count += 1;
  failures.set(ip, entry);
  reply(res, status, { error, message });
}

function overLimit(ip) {
  const entry = failures.get(ip);
  return entry !== undefined && Date.now() - entry.since <= 60000 && entry.count >= limitPerMinute;
}

function signatureValid(header, body) {
  if (typeof header !== 'string') {
    return false;
  }
  let timestamp;
  const signatures = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      timestamp = value;
    } else if (key === 'v1') {
      signatures.push(value);
    }
  }
  if (!timestamp || signatures.length === 0) {
    return false;
  }
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) {
    return false;
  }
  const expected = crypto.createHmac('sha256', secret).update(timestamp + '.').update(body).digest();
  return signatures.some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

const server = http.createServer((req, res) => {
  const ip = req.socket.remoteAddress;
  if (req.method !== 'POST') {
    return reject(res, ip, 405, 'method_not_allowed', 'Only POST is accepted');
  }
  if (!allowedIps.has(ip)) {
    return reject(res, ip, 403, 'forbidden', 'Client address not allowed');
  }
  if (overLimit(ip)) {
    return reply(res, 429, { error: 'rate_limited', message: 'Too many requests' }, { 'Retry-After': '60' });
  }
  const chunks = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size > maxBodySize) {
      tooLarge = true;
    } else {
      chunks.push(chunk);
    }
  });
  req.on('end', () => {
    if (tooLarge) {
      return reject(res, ip, 413, 'payload_too_large', 'Body exceeds the limit');
    }
    if (!(req.headers['content-type'] || '').startsWith('application/json')) {
      return reject(res, ip, 415, 'unsupported_media_type', 'Content-Type must be application/json');
    }
    const body = Buffer.concat(chunks);
    const header = req.headers['calendly-webhook-signature'] || req.headers['x-calendly-signature'];
    if (!signatureValid(header, body)) {
      return reject(res, ip, 401, 'invalid_signature', 'Signature missing, invalid or expired');
    }
    let envelope;
    try {
      envelope = JSON.parse(body);
    } catch (e) {
      return reject(res, ip, 400, 'malformed_payload', 'Body is not a Calendly envelope');
    }
    if (!envelope || typeof envelope.event !== 'string' || typeof envelope.payload !== 'object') {
      return reject(res, ip, 400, 'malformed_payload', 'Body is not a Calendly envelope');
    }
    const key = envelope.event + ' ' + (envelope.payload.uri || '');
    if (seen.has(key)) {
      return reply(res, 200, { status: 'duplicate' });
    }
    seen.add(key);
    return reply(res, 200, { status: 'accepted' });
  });
  return undefined;
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening on 127.0.0.1:${port}\n`);
});

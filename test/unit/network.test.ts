import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { clientOptions } from '../../src/aws/client-options.js';
import { BoundedHandler } from '../../src/aws/timeouts.js';
import { DEFAULT_MAX_ATTEMPTS, parseNetwork } from '../../src/inputs/network.js';
import { bypassesProxy, proxySettings, shownProxy } from '../../src/inputs/proxy.js';
import { VERSION } from '../../src/shared/version.js';

describe('proxySettings', () => {
  test('the http-proxy input serves http and https endpoints and beats the variables', () => {
    const s = proxySettings('http://proxy.internal:3128', { HTTPS_PROXY: 'http://other:1' });
    expect([s.http?.href, s.https?.href]).toEqual([
      'http://proxy.internal:3128/',
      'http://proxy.internal:3128/',
    ]);
  });

  test('HTTPS_PROXY serves https endpoints, HTTP_PROXY http ones; lower case wins', () => {
    const s = proxySettings('', {
      HTTPS_PROXY: 'http://upper:1',
      https_proxy: 'http://lower:2',
      HTTP_PROXY: 'http://plain:3',
    });
    expect([s.https?.host, s.http?.host]).toEqual(['lower:2', 'plain:3']);
    expect(proxySettings('', { HTTP_PROXY: 'http://plain:3' }).https).toBeUndefined();
  });

  test('a bare host:port is an http proxy', () => {
    expect(proxySettings('proxy:8080', {}).http?.href).toBe('http://proxy:8080/');
  });

  test('NO_PROXY is split on commas and spaces, lower-cased; no_proxy wins', () => {
    expect(proxySettings('', { NO_PROXY: 'A.example, .b.example  c:80' }).noProxy).toEqual([
      'a.example',
      '.b.example',
      'c:80',
    ]);
    expect(proxySettings('', { NO_PROXY: 'x', no_proxy: 'y' }).noProxy).toEqual(['y']);
  });

  test('a value that is not a proxy URL names where it came from, without its password', () => {
    expect(() => proxySettings('ftp://proxy:21', {})).toThrow(
      "Input `http-proxy`: 'ftp://proxy' is not a proxy URL",
    );
    expect(() => proxySettings('', { HTTPS_PROXY: 'socks5://u:secret@p:1' })).toThrow(
      "environment variable HTTPS_PROXY: 'socks5://***@p:1' is not a proxy URL",
    );
    expect(() => proxySettings('http://user:Qz7/kX9v@127.0.0.1:3128', {})).toThrow(
      'Input `http-proxy`: is not a URL that can be read (the value is not shown: it may hold a password)',
    );
  });

  test('shownProxy shows scheme and host, never any part of user or password', () => {
    expect(shownProxy(new URL('http://user:pw@proxy:3128'))).toBe('http://***@proxy:3128');
    expect(shownProxy(new URL('http://user@proxy:3128/x?y#z'))).toBe('http://***@proxy:3128');
    expect(shownProxy(new URL('http://proxy:3128'))).toBe('http://proxy:3128');
  });

  describe('no part of a password in any message, whatever the shape of the URL', () => {
    // Each password is cut into pieces of four characters; none may appear.
    const cases: [string, string][] = [
      ['http://user:Qz7/kX9v@127.0.0.1:3128', 'Qz7/kX9v'],
      ['http://user:Qz@7kX9v@127.0.0.1:99999', 'Qz@7kX9v'],
      ['http://user:Qz@7/kX9v@127.0.0.1:3128', 'Qz@7/kX9v'],
      ['user:Qz#7kX9v@proxy:3128', 'Qz#7kX9v'],
      ['http://user:Qz7kX9v', 'Qz7kX9v'],
      ['socks5://user:Qz7kX9v@p:1080', 'Qz7kX9v'],
      ['http://us%ZZer:Qz7kX9v@p:1', 'Qz7kX9v'],
    ];
    const pieces = (secret: string): string[] =>
      Array.from({ length: secret.length - 3 }, (_, i) => secret.slice(i, i + 4));

    test.each(cases)('%s, from http-proxy and from HTTPS_PROXY', (value, password) => {
      const messages: string[] = [];
      for (const call of [
        () => proxySettings(value, {}),
        () => proxySettings('', { HTTPS_PROXY: value }),
      ]) {
        try {
          call();
          messages.push('accepted');
        } catch (error) {
          messages.push((error as Error).message);
        }
      }
      for (const message of messages) {
        if (message === 'accepted') continue;
        for (const piece of pieces(password)) expect(message).not.toContain(piece);
        expect(message).toMatch(/is not (a URL that can be read|a proxy URL)/);
      }
    });
  });
});

describe('bypassesProxy', () => {
  const cases: [string, number, string[], boolean][] = [
    ['s3.us-east-1.amazonaws.com', 443, ['amazonaws.com'], true],
    ['s3.us-east-1.amazonaws.com', 443, ['.amazonaws.com'], true],
    ['s3.us-east-1.amazonaws.com', 443, ['*.amazonaws.com'], true],
    ['notamazonaws.com', 443, ['amazonaws.com'], false],
    ['127.0.0.1', 4566, ['127.0.0.1'], true],
    ['127.0.0.1', 4566, ['127.0.0.1:4566'], true],
    ['127.0.0.1', 4566, ['127.0.0.1:80'], false],
    ['127.0.0.1', 4566, [], false],
    ['anything', 1, ['*'], true],
    ['::1', 443, ['[::1]'], true],
  ];
  test.each(cases)('%s:%d with NO_PROXY %j: %s', (host, port, noProxy, expected) => {
    expect(bypassesProxy(host, port, noProxy)).toBe(expected);
  });
});

describe('parseNetwork', () => {
  test('six attempts and standard retries when nothing is set', () => {
    const n = parseNetwork('', {});
    expect([n.maxAttempts, n.retryMode]).toEqual([DEFAULT_MAX_ATTEMPTS, 'standard']);
    expect(DEFAULT_MAX_ATTEMPTS).toBe(6);
  });

  test('AWS_MAX_ATTEMPTS and AWS_RETRY_MODE as the SDK reads them', () => {
    const n = parseNetwork('', { AWS_MAX_ATTEMPTS: '1', AWS_RETRY_MODE: 'ADAPTIVE' });
    expect([n.maxAttempts, n.retryMode]).toEqual([1, 'adaptive']);
  });

  test.each(['0', '-1', '2.5', 'many', '101'])('AWS_MAX_ATTEMPTS %s is refused', (value) => {
    expect(() => parseNetwork('', { AWS_MAX_ATTEMPTS: value })).toThrow(
      `environment variable AWS_MAX_ATTEMPTS: '${value}' is not accepted`,
    );
  });

  test('an unknown AWS_RETRY_MODE is refused', () => {
    expect(() => parseNetwork('', { AWS_RETRY_MODE: 'legacy' })).toThrow(
      "AWS_RETRY_MODE: 'legacy' is not accepted; use standard or adaptive",
    );
  });

  test('client options carry the user agent and a handler of their own each time', () => {
    const network = parseNetwork('', {}, '7');
    expect(network.requestTimeoutMs).toBe(7000);
    const first = clientOptions(network);
    expect(first.customUserAgent).toEqual([['mediaconvert-encrypt', VERSION]]);
    expect(first.requestHandler).toBeInstanceOf(BoundedHandler);
    expect(clientOptions(network).requestHandler).not.toBe(first.requestHandler);
  });

  test.each(['0', '3601', '1.5', 'soon'])('request-timeout %s is refused', (value) => {
    expect(() => parseNetwork('', {}, value)).toThrow(
      `Input \`request-timeout\`: '${value}' is not accepted; use a whole number from 1 to 3600`,
    );
  });
});

test('VERSION is package.json’s version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  expect(VERSION).toBe(pkg.version);
});

// Evaluated once per script context, before the script. Returns the helpers the Java side uses; nothing here is
// visible to the script except the globals installed by the Java side (console among them).
(function (print) {
  'use strict';
  function describe(value) {
    if (typeof value === 'string') {
      return value;
    }
    if (typeof value === 'function') {
      return '[Function: ' + (value.name || 'anonymous') + ']';
    }
    if (value instanceof ArrayBuffer) {
      return 'ArrayBuffer { byteLength: ' + value.byteLength + ' }';
    }
    if (value !== null && typeof value === 'object') {
      try {
        return JSON.stringify(value, (key, v) => v instanceof ArrayBuffer
            ? 'ArrayBuffer { byteLength: ' + v.byteLength + ' }' : v);
      } catch (e) {
        return String(value);
      }
    }
    return String(value);
  }
  const console = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    console[level] = function (...args) {
      print(level, args.map(describe).join(' '));
    };
  }
  return {
    console: console,
    typeError: function (message) {
      throw new TypeError(message);
    },
    plainObject: function (members, getters) {
      const object = {};
      for (const key of Object.keys(members)) {
        object[key] = members[key];
      }
      for (const key of Object.keys(getters)) {
        Object.defineProperty(object, key, {get: getters[key], enumerable: true});
      }
      return object;
    },
    newObject: function () {
      return {};
    },
    newArray: function () {
      return [];
    },
    arrayBuffer: function (length) {
      return new ArrayBuffer(length);
    },
    promise: function (executor) {
      return new Promise(executor);
    },
    undefined: undefined,
    moduleWrapper: '(function (exports, require, module, __filename, __dirname) {',
  };
})

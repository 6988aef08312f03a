// sm-crypto ships no types for its SM3 module: given a string (UTF-8) or bytes, it returns the
// lower-case hex digest (`module.exports = function (input, options)`).
declare module 'sm-crypto/src/sm3/index.js' {
  function sm3(input: string | ArrayLike<number>): string;
  export default sm3;
}

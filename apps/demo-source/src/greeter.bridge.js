// @bridge @codebridge-demo/greeter/index.js
class Greeter {
  // @access private
  prefix;

  greet(name) {
    return `${this.prefix}, ${name}! (patched)`;
  }
}

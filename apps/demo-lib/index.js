export class Greeter {
  constructor(prefix = 'Hello') {
    this.prefix = prefix;
  }

  greet(name) {
    return `${this.prefix}, ${name}`;
  }
}

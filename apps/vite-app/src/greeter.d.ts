// Types of the demo's untyped dependency (a plain JavaScript package the bridges patch).
declare module '@codebridge-demo/greeter' {
  export class Greeter {
    constructor(prefix?: string);
    greet(name: string): string;
  }
}

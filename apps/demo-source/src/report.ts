// Cart and Greeter are used through the API their bridges give them, which exists only after the merge.
import { Greeter } from '@codebridge-demo/greeter';
import { Cart } from './cart';
import { calls } from './logged';

export interface Report {
  total: number;
  sumRemoved: boolean;
  describe: string;
  decorated: string[];
  greeting: string;
  prefixHidden: boolean;
}

export function report(): Report {
  const cart: any = new Cart().add(2).add(3);
  const greeter: any = new Greeter('Hi');
  return {
    total: cart.total(),
    sumRemoved: !('sum' in cart),
    describe: cart.describe(),
    decorated: [...calls],
    greeting: greeter.greet('e2e'),
    prefixHidden: !('prefix' in greeter),
  };
}

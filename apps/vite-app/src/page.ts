import '../../demo-source/src/style.css';
import { Cart } from '../../demo-source/src/cart';
import { report } from '../../demo-source/src/report';

const cart: any = new Cart();
const total = document.querySelector<HTMLElement>('#total')!;

document.querySelector('#report')!.textContent = JSON.stringify(report());
document.querySelector('#add')!.addEventListener('click', () => {
  cart.add(5);
  total.textContent = cart.describe();
});

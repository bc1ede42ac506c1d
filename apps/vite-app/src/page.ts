import './style.css';
import { Cart } from './cart';
import { report } from './report';

const cart: any = new Cart();
const total = document.querySelector<HTMLElement>('#total')!;

document.querySelector('#report')!.textContent = JSON.stringify(report());
document.querySelector('#add')!.addEventListener('click', () => {
  cart.add(5);
  total.textContent = cart.describe();
});

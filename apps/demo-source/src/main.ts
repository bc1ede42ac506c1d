import './style.css';
import { report } from './report';

console.log(JSON.stringify(report()));

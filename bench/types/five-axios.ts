import axios from 'axios';

const client = axios.create({ baseURL: 'https://api.example.test', headers: { 'X-API-Key': 'a' } });
const balance = await client.get<{ symbol: string; available: string }[]>('/balance');
const order = await client.post<{ order: { id: number } }>('/order/create', {
  symbol: 'BTC_USD',
  type: 'buy-limit',
  price: '1',
  amount: '1',
});
console.log(balance.data, order.data);

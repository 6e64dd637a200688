import { bitexbit, createClient } from 'exchange-auth';

const client = createClient(bitexbit({ accessKey: 'a', privateKey: 'b', access: 'trade' }));
const balance = await client.call('balance.get');
const order = await client.call('orders.create', {
  body: { symbol: 'BTC_USD', type: 'buy-limit', price: '1', amount: '1' },
});
console.log(balance.data, order.data);

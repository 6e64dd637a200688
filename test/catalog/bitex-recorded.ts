import type { bitexCatalog } from '../../src/index.js';

// The answers Bitex sent to its official Ruby SDK, as recorded in its test cassettes: github.com/bitex-la/
// bitex-sdk-ruby @ 1b47530, spec/fixtures/<path>.yml (response body). Copied as sent, except where the comment
// says a long list was cut to its first items (with the `included` resources they point to) or a long text
// shortened. Left out: cash_withdrawals/all/without_filters.yml, written by hand (ids 1, "calle falsa", `data` an
// object), and transactions/all/without_params.yml, an older answer shape no SDK spec uses.

export type Name = keyof typeof bitexCatalog;

/** Each endpoint's recorded answer body; `undefined` for a 204 (no body). */
export const RECORDED: Partial<Record<Name, string | undefined>> = {
  // spec/fixtures/tickers/all.yml, HTTP 200 (first 2 of 6 items)
  'tickers.list':
    '{"data":[{"id":"btc_usd","type":"tickers","attributes":{"last":3606.81984,"open":3610.0,"high":3641.48,"low":3600.0,"vwap":3621.410318159338,"volume":6.81257954,"bid":3597.03552,"ask":3612.0,"price_before_last":3633.44891457}},{"id":"btc_ars","type":"tickers","attributes":{"last":140231.14049668,"open":138900.0,"high":140231.14049668,"low":137151.01,"vwap":139591.6060384551,"volume":2.7834172,"bid":137151.01,"ask":139933.60446392,"price_before_last":140032.11410746}}]}',
  // spec/fixtures/tickers/find.yml, HTTP 200
  'tickers.get':
    '{"data":{"id":"btc_usd","type":"tickers","attributes":{"last":3606.81984,"open":3610.0,"high":3641.48,"low":3600.0,"vwap":3621.410318159338,"volume":6.81257954,"bid":3598.2336,"ask":3612.0,"price_before_last":3633.44891457}}}',
  // spec/fixtures/orderbooks/all.yml, HTTP 200 (first 2 of 6 items)
  'orderbooks.list':
    '{"data":[{"id":"1","type":"orderbooks","attributes":{"code":"btc_usd","base":{"code":"btc","decimals":8},"quote":{"code":"usd","decimals":2}}},{"id":"8","type":"orderbooks","attributes":{"code":"bch_usd","base":{"code":"bch","decimals":8},"quote":{"code":"usd","decimals":2}}}]}',
  // spec/fixtures/markets/find.yml, HTTP 200 (candles cut to 2; bids cut to 2; asks cut to 2; included: the 7 referenced of 196)
  'markets.get':
    '{"data":{"id":"btc_usd","type":"markets","relationships":{"candles":{"data":[{"id":"1547755200_1","type":"candles"},{"id":"1547758800_1","type":"candles"}]},"transactions":{"data":[{"id":"163244","type":"transactions"}]},"bids":{"data":[{"id":"3591.0","type":"order_groups"},{"id":"3589.84704","type":"order_groups"}]},"asks":{"data":[{"id":"3612.0","type":"order_groups"},{"id":"3617.81886075","type":"order_groups"}]}}},"included":[{"id":"1547755200_1","type":"candles","attributes":{"timestamp":1547755200,"low":3630.0,"open":3630.0,"close":3630.0,"high":3630.0,"volume":2.01408539,"price_before_last":3630.0,"vwap":3630.0,"orderbook_code":"btc_usd"}},{"id":"1547758800_1","type":"candles","attributes":{"timestamp":1547758800,"low":3630.0,"open":3630.0,"close":3630.0,"high":3630.0,"volume":0.33876647,"price_before_last":3630.0,"vwap":3630.0,"orderbook_code":"btc_usd"}},{"id":"163244","type":"transactions","attributes":{"timestamp":1547832447,"price":3606.81984,"amount":0.0015,"orderbook_code":"btc_usd"}},{"id":"3591.0","type":"order_groups","attributes":{"price":3591.0,"amount":0.014118629908}},{"id":"3589.84704","type":"order_groups","attributes":{"price":3589.84704,"amount":0.365868875572}},{"id":"3612.0","type":"order_groups","attributes":{"price":3612.0,"amount":0.33041202}},{"id":"3617.81886075","type":"order_groups","attributes":{"price":3617.81886075,"amount":0.1817574}}]}',
  // spec/fixtures/transactions/all/without_filters.yml, HTTP 200 (first 2 of 11 items)
  'transactions.list':
    '{"data":[{"id":"1689","type":"transactions","attributes":{"datetime":"2019-03-13T18:25:12.000Z","price":400000.0,"amount":0.85,"orderbook_code":"btc_pyg"}},{"id":"1687","type":"transactions","attributes":{"datetime":"2019-03-13T18:19:55.000Z","price":4500000.0,"amount":0.98888889,"orderbook_code":"btc_clp"}}]}',
  // spec/fixtures/transactions/find.yml, HTTP 200
  'transactions.get':
    '{"data":{"id":"163393","type":"transactions","attributes":{"timestamp":1548076109,"price":137415.94,"amount":0.00145543,"orderbook_code":"btc_ars"}}}',
  // spec/fixtures/candles/all/with_orderbook.yml, HTTP 200 (first 2 of 6 items)
  'candles.list':
    '{"data":[{"id":"1548007200_1","type":"candles","attributes":{"timestamp":1548007200,"low":3544.69693467,"open":3544.69693467,"close":3544.69693467,"high":3544.69693467,"volume":0.03949561,"price_before_last":3512.18,"vwap":3544.69693467,"orderbook_code":"btc_usd"}},{"id":"1548018000_1","type":"candles","attributes":{"timestamp":1548018000,"low":3565.16964824,"open":3565.16964824,"close":3565.16964824,"high":3565.16964824,"volume":0.23569705,"price_before_last":3544.69693467,"vwap":3565.16964824,"orderbook_code":"btc_usd"}}]}',
  // spec/fixtures/accounts/all.yml, HTTP 200
  'accounts.list':
    '{"data":[{"id":"3197","type":"accounts","attributes":{"balances":{"btc":{"total":0.00721248,"available":0.00721248},"usd":{"total":275.50523941,"available":265.50523941},"ars":{"total":874.18839237,"available":874.18839237},"clp":{"total":17.7724575,"available":17.7724575},"bch":{"total":0.53079464,"available":0.53079464},"pyg":{"total":347227.84603779,"available":347227.84603779},"uyu":{"total":0.0,"available":0.0}},"country":"AR"},"relationships":{"movements":{"data":[]},"pending_movements":{"data":[]},"user":{"data":{"id":"3197","type":"users"}}}}],"included":[{"id":"3197","type":"users","attributes":{"name":"Francisco Tomas Buero","email":"fb+test123@bitex.la","kyc_accepted":true,"otp_enabled":true,"do_not_email":true,"trezor_login_enabled":false}}]}',
  // spec/fixtures/users/find.yml, HTTP 200
  'users.me':
    '{"data":{"id":"600","type":"users","attributes":{"name":"person@whitelabeler.com","email":"person@whitelabeler.com","kyc_accepted":false,"otp_enabled":false,"do_not_email":false,"trezor_login_enabled":false}}}',
  // spec/fixtures/coin_wallet/all.yml, HTTP 200
  'coinWallets.list':
    '{"data":[{"id":"3194","type":"coin_wallets","attributes":{"balance":0.01034418,"available":0.00834418,"currency":"btc","address":"1GvKbT2Jpgh3PM14awmEUVpQwCAaUx6Tqw","auto_sell_address":"1EZ3QhJNKYgUv2FEcNViFPvX54xTXmyxGG"}},{"id":"341956","type":"coin_wallets","attributes":{"balance":0.53079464,"available":0.53079464,"currency":"bch","address":"bitcoincash:qp5f5avjqlfpnvj90err940azvd08rx3lgz8v03lyk","auto_sell_address":""}}]}',
  // spec/fixtures/coin_wallet/find.yml, HTTP 200
  'coinWallets.get':
    '{"data":{"id":"3194","type":"coin_wallets","attributes":{"balance":0.01034418,"available":0.00834418,"currency":"btc","address":"1GvKbT2Jpgh3PM14awmEUVpQwCAaUx6Tqw","auto_sell_address":"1EZ3QhJNKYgUv2FEcNViFPvX54xTXmyxGG"}}}',
  // spec/fixtures/cash_wallet/all.yml, HTTP 200 (first 2 of 5 items)
  'cashWallets.list':
    '{"data":[{"id":"usd","type":"cash_wallets","attributes":{"balance":264.0,"available":244.0,"currency":"usd"}},{"id":"ars","type":"cash_wallets","attributes":{"balance":874.18,"available":874.18,"currency":"ars"}}]}',
  // spec/fixtures/cash_wallet/find.yml, HTTP 200
  'cashWallets.get':
    '{"data":{"id":"usd","type":"cash_wallets","attributes":{"balance":264.0,"available":244.0,"currency":"usd"}}}',
  // spec/fixtures/movements/all.yml, HTTP 200 (first 2 of 10 items)
  'movements.list':
    '{"data":[{"id":"163842Sell","type":"movements","attributes":{"timestamp":1548184352,"currencies_involved":"BTC_USD","currency":"BTC","amount":0.00199999,"fee":0.0181699,"fee_decimals":2,"fee_currency":"USD","price":3633.98046166,"price_decimals":2,"kind":"Sell"}},{"id":"163780Sell","type":"movements","attributes":{"timestamp":1548161188,"currencies_involved":"BTC_USD","currency":"BTC","amount":0.00199999,"fee":0.01786268,"fee_decimals":2,"fee_currency":"USD","price":3572.53739928,"price_decimals":2,"kind":"Sell"}}]}',
  // spec/fixtures/bids/all/without_filters.yml, HTTP 200 (first 2 of 3 items)
  'bids.list':
    '{"data":[{"id":"36291147","type":"bids","attributes":{"amount":10.0,"remaining_amount":10.0,"price":3552.18007332,"status":"executing","orderbook_code":"btc_usd","created_at":"2000-01-01T00:00:00.000Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}},{"id":"36291158","type":"bids","attributes":{"amount":10.0,"remaining_amount":10.0,"price":3552.18007332,"status":"executing","orderbook_code":"btc_usd","created_at":"2000-01-02T00:00:00.000Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}]}',
  // spec/fixtures/bids/find.yml, HTTP 200
  'bids.get':
    '{"data":{"id":"36291147","type":"bids","attributes":{"amount":10.0,"remaining_amount":10.0,"price":3552.18007332,"status":"cancelled","orderbook_code":"btc_usd","created_at":"2000-01-01T00:00:00.000Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}}',
  // spec/fixtures/bids/create.yml, HTTP 200
  'bids.create':
    '{"data":{"id":"4249","type":"bids","attributes":{"amount":3.0,"remaining_amount":3.0,"price":150.0,"status":"pending","orderbook_code":"bch_usd","created_at":"2019-01-24T15:43:32.000Z"},"relationships":{"user":{"data":{"id":"592","type":"users"}}}}}',
  // spec/fixtures/bids/cancel.yml, HTTP 204
  'bids.cancel': undefined,
  // spec/fixtures/asks/all/without_filters.yml, HTTP 200 (first 2 of 3 items)
  'asks.list':
    '{"data":[{"id":"36270309","type":"asks","attributes":{"amount":0.06,"remaining_amount":0.06,"price":129.60081657,"status":"executing","orderbook_code":"bch_usd","created_at":"2000-01-01T00:00:00.000Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}},{"id":"36288853","type":"asks","attributes":{"amount":0.002,"remaining_amount":0.002,"price":3645.10866297,"status":"executing","orderbook_code":"btc_usd","created_at":"2000-01-02T00:00:00.000Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}]}',
  // spec/fixtures/asks/find.yml, HTTP 200
  'asks.get':
    '{"data":{"id":"36270309","type":"asks","attributes":{"amount":0.06,"remaining_amount":0.06,"price":129.60081657,"status":"executing","orderbook_code":"bch_usd","created_at":"2000-01-01T00:00:00.000Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}}',
  // spec/fixtures/asks/create.yml, HTTP 200
  'asks.create':
    '{"data":{"id":"1580","type":"asks","attributes":{"amount":3.0,"remaining_amount":3.0,"price":150.0,"status":"pending","orderbook_code":"bch_usd","created_at":"2000-01-24T15:40:35.000Z"},"relationships":{"user":{"data":{"id":"592","type":"users"}}}}}',
  // spec/fixtures/asks/cancel.yml, HTTP 204
  'asks.cancel': undefined,
  // spec/fixtures/orders/all.yml, HTTP 200 (first 2 of 7 items)
  'orders.list':
    '{"data":[{"id":"36214036","type":"bids","attributes":{"amount":5.0,"remaining_amount":5.0,"price":125.92013327,"status":"executing","orderbook_code":"bch_usd","created_at":"2000-01-01T00:00:00.000Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}},{"id":"36214047","type":"bids","attributes":{"amount":10.0,"remaining_amount":10.0,"price":3556.74258254,"status":"executing","orderbook_code":"btc_usd","created_at":"2000-01-02T00:00:00.000Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}]}',
  // spec/fixtures/trades/all/with_filters.yml, HTTP 200 (first 2 of 41 items)
  'trades.list':
    '{"data":[{"id":"159865","type":"sells","attributes":{"created_at":"2019-01-08T19:44:48.938Z","coin_amount":0.00751251,"cash_amount":30.01755121,"fee":0.07523195,"price":4005.68426619,"fee_currency":"USD","fee_decimals":2,"orderbook_code":"btc_usd"},"relationships":{"order":{"data":{"id":"35357891","type":"asks"}}}},{"id":"159862","type":"buys","attributes":{"created_at":"2019-01-08T19:43:34.534Z","coin_amount":0.00248127,"cash_amount":10.0,"fee":6.21e-06,"price":4020.13208048,"fee_currency":"BTC","fee_decimals":8,"orderbook_code":"btc_usd"},"relationships":{"order":{"data":{"id":"35453058","type":"bids"}}}}]}',
  // spec/fixtures/buys/all/with_filters.yml, HTTP 200 (first 2 of 13 items)
  'buys.list':
    '{"data":[{"id":"159862","type":"buys","attributes":{"created_at":"2019-01-08T19:43:34.534Z","coin_amount":0.00248127,"cash_amount":10.0,"fee":6.21e-06,"price":4020.13208048,"fee_currency":"BTC","fee_decimals":8,"orderbook_code":"btc_usd"},"relationships":{"order":{"data":{"id":"35453058","type":"bids"}}}},{"id":"159839","type":"buys","attributes":{"created_at":"2019-01-08T19:21:18.062Z","coin_amount":0.0024851,"cash_amount":10.0,"fee":6.22e-06,"price":4013.92044241,"fee_currency":"BTC","fee_decimals":8,"orderbook_code":"btc_usd"},"relationships":{"order":{"data":{"id":"35452001","type":"bids"}}}}]}',
  // spec/fixtures/buys/find.yml, HTTP 200
  'buys.get':
    '{"data":{"id":"162689","type":"buys","attributes":{"created_at":"2019-01-16T19:47:45.270Z","coin_amount":0.01838662,"cash_amount":400000.0,"fee":4.608e-05,"price":21700560.10681748,"fee_currency":"BTC","fee_decimals":8,"orderbook_code":"btc_pyg"},"relationships":{"order":{"data":{"id":"36206038","type":"bids"}}}}}',
  // spec/fixtures/sells/all/with_filters.yml, HTTP 200 (first 2 of 16 items)
  'sells.list':
    '{"data":[{"id":"159865","type":"sells","attributes":{"created_at":"2019-01-08T19:44:48.938Z","coin_amount":0.00751251,"cash_amount":30.01755121,"fee":0.07523195,"price":4005.68426619,"fee_currency":"USD","fee_decimals":2,"orderbook_code":"btc_usd"},"relationships":{"order":{"data":{"id":"35357891","type":"asks"}}}},{"id":"159862","type":"sells","attributes":{"created_at":"2019-01-08T19:43:34.534Z","coin_amount":0.00248748,"cash_amount":9.975,"fee":0.025,"price":4020.13208048,"fee_currency":"USD","fee_decimals":2,"orderbook_code":"btc_usd"},"relationships":{"order":{"data":{"id":"35357891","type":"asks"}}}}]}',
  // spec/fixtures/sells/find.yml, HTTP 200
  'sells.get':
    '{"data":{"id":"159865","type":"sells","attributes":{"created_at":"2019-01-08T19:44:48.938Z","coin_amount":0.00751251,"cash_amount":30.01755121,"fee":0.07523195,"price":4005.68426619,"fee_currency":"USD","fee_decimals":2,"orderbook_code":"btc_usd"},"relationships":{"order":{"data":{"id":"35357891","type":"asks"}}}}}',
  // spec/fixtures/buying_bots/all.yml, HTTP 200
  'buyingBots.list':
    '{"data":[{"id":"1429","type":"buying_bots","attributes":{"amount":400000.0,"remaining_amount":0.0,"chunk_size":400000.0,"eta":"2019-01-16T19:58:55.413Z","executing":false,"to_cancel":false,"orderbook_code":"btc_pyg"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}]}',
  // spec/fixtures/buying_bots/find.yml, HTTP 200
  'buyingBots.get':
    '{"data":{"id":"1432","type":"buying_bots","attributes":{"amount":100.0,"remaining_amount":85.0,"chunk_size":5.0,"eta":"2019-01-18T16:38:14.488Z","executing":true,"to_cancel":false,"orderbook_code":"btc_usd"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}}',
  // spec/fixtures/buying_bots/create.yml, HTTP 200
  'buyingBots.create':
    '{"data":{"id":"16","type":"buying_bots","attributes":{"amount":100.0,"remaining_amount":100.0,"chunk_size":5.0,"eta":"2019-01-24T16:20:11.985Z","executing":true,"to_cancel":false,"orderbook_code":"btc_usd"},"relationships":{"user":{"data":{"id":"592","type":"users"}}}}}',
  // spec/fixtures/buying_bots/cancel.yml, HTTP 204
  'buyingBots.cancel': undefined,
  // spec/fixtures/selling_bots/all.yml, HTTP 200
  'sellingBots.list':
    '{"data":[{"id":"4301","type":"selling_bots","attributes":{"amount":0.03,"remaining_amount":0.03,"chunk_size":0.0015,"eta":"2019-01-18T17:57:27.632Z","executing":true,"to_cancel":false,"orderbook_code":"btc_usd"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}]}',
  // spec/fixtures/selling_bots/find.yml, HTTP 200
  'sellingBots.get':
    '{"data":{"id":"4301","type":"selling_bots","attributes":{"amount":0.03,"remaining_amount":0.0285,"chunk_size":0.0015,"eta":"2019-01-18T17:57:59.672Z","executing":true,"to_cancel":false,"orderbook_code":"btc_usd"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}}',
  // spec/fixtures/selling_bots/create.yml, HTTP 200
  'sellingBots.create':
    '{"data":{"id":"311","type":"selling_bots","attributes":{"amount":0.03,"remaining_amount":0.03,"chunk_size":0.0015,"eta":"2019-01-24T16:23:51.414Z","executing":true,"to_cancel":false,"orderbook_code":"btc_usd"},"relationships":{"user":{"data":{"id":"592","type":"users"}}}}}',
  // spec/fixtures/selling_bots/cancel.yml, HTTP 204
  'sellingBots.cancel': undefined,
  // spec/fixtures/coin_withdrawals/all/without_filters.yml, HTTP 200 (first 2 of 5 items)
  'coinWithdrawals.list':
    '{"data":[{"id":"68743","type":"coin_withdrawals","attributes":{"amount":0.01,"status":"done","label":"Bitstamp-for-test","to_addresses":"37VbMTTQuLfF7o5NYkz7eD3heet5ka7MV3","coin_code":"btc","created_at":"2019-01-10T17:29:14.309Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}},{"id":"68822","type":"coin_withdrawals","attributes":{"amount":0.012,"status":"done","label":"a-label","to_addresses":"37VbMTTQuLfF7o5NYkz7eD3heet5ka7MV3","coin_code":"btc","created_at":"2019-01-11T17:29:14.309Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}]}',
  // spec/fixtures/coin_withdrawals/find.yml, HTTP 200
  'coinWithdrawals.get':
    '{"data":{"id":"68743","type":"coin_withdrawals","attributes":{"amount":0.01,"status":"done","label":"Bitstamp-for-test","to_addresses":"37VbMTTQuLfF7o5NYkz7eD3heet5ka7MV3","coin_code":"btc","created_at":"2018-10-30T17:29:14.309Z"},"relationships":{"user":{"data":{"id":"3197","type":"users"}}}}}',
  // spec/fixtures/coin_withdrawals/create.yml, HTTP 200
  'coinWithdrawals.create':
    '{"data":{"id":"108","type":"coin_withdrawals","attributes":{"amount":0.001,"status":"received","label":"api-test","to_addresses":"mk2jCye9XhXxVwfp9FyVMRwYDzQxscB5ev","coin_code":"btc","created_at":"2019-01-24T15:26:46.309Z"},"relationships":{"user":{"data":{"id":"592","type":"users"}}}}}',
  // spec/fixtures/cash_withdrawals/all/with_filters.yml, HTTP 200
  'cashWithdrawals.list':
    '{"data":[{"id":"28787","type":"cash_withdrawals","attributes":{"status":"settled","amount":500.0,"gross_amount":500.0,"cost":0.0,"fee":0.0,"net_amount":500.0,"country":"AR","payment_method":"third_party","fiat_code":"usd","label":"pase","created_at":"2019-01-16T19:45:37.657Z"},"relationships":{"withdrawal_instruction":{"data":{"id":"15234","type":"withdrawal_instructions"}},"funding_receipt":{"data":null}}}],"included":[{"id":"15234","type":"withdrawal_instructions","attributes":{"label":"pase","schema":"bitex","body":{"country":"AR","payment_method":"third_party","name":"-","city":"-","phone":"-","further_instructions":"-","currency":"ARS"}}}]}',
  // spec/fixtures/cash_withdrawals/find.yml, HTTP 200
  'cashWithdrawals.get':
    '{"data":{"id":"28787","type":"cash_withdrawals","attributes":{"status":"settled","amount":500.0,"gross_amount":500.0,"cost":0.0,"fee":0.0,"net_amount":500.0,"country":"AR","payment_method":"third_party","fiat_code":"usd","label":"pase","created_at":"2019-01-16T19:45:37.657Z"},"relationships":{"withdrawal_instruction":{"data":{"id":"15234","type":"withdrawal_instructions"}},"funding_receipt":{"data":null}}},"included":[{"id":"15234","type":"withdrawal_instructions","attributes":{"label":"pase","schema":"bitex","body":{"country":"AR","payment_method":"third_party","name":"-","city":"-","phone":"-","further_instructions":"-","currency":"ARS"}}}]}',
  // spec/fixtures/cash_withdrawals/create.yml, HTTP 200
  'cashWithdrawals.create':
    '{"data":{"id":"594","type":"cash_withdrawals","attributes":{"status":"received","amount":150.0,"gross_amount":150.0,"cost":0.0,"fee":0.0,"net_amount":150.0,"country":"AR","payment_method":"domestic_bank","fiat_code":"ars","label":"label","created_at":"2019-01-24T16:27:44.435Z"},"relationships":{"withdrawal_instruction":{"data":{"id":"299","type":"withdrawal_instructions"}},"funding_receipt":{"data":null}}},"included":[{"id":"299","type":"withdrawal_instructions","attributes":{"label":"label","schema":"bitex","body":{"account_type":"savings","address":"a address","bank":"hsbc","bank_account_number":"12345678","cbu":"1234567812345678","cuit":"20112233344552","city":"Dimension C-132","country":"AR","currency":"USD","further_instructions":"A further instructions","name":"Rick Sanchez","payment_method":"domestic_bank","phone":"1122334455"}}}]}',
  // spec/fixtures/withdrawal_instructions/all.yml, HTTP 200 (first 2 of 4 items)
  'withdrawalInstructions.list':
    '{"data":[{"id":"15234","type":"withdrawal_instructions","attributes":{"label":"pase","schema":"bitex","body":{"country":"AR","payment_method":"third_party","name":"-","city":"-","phone":"-","further_instructions":"-","currency":"ARS"}}},{"id":"15414","type":"withdrawal_instructions","attributes":{"label":"label","schema":"bitex","body":{"account_type":"savings","address":"a address","bank":"hsbc","bank_account_number":"12345678","cbu":"1234567812345678","cuit":"20112233344552","city":"Dimension C-132","country":"AR","currency":"USD","further_instructions":"A further instructions","name":"Rick Sanchez","payment_method":"domestic_bank","phone":"1122334455"}}}]}',
  // spec/fixtures/withdrawal_instructions/find.yml, HTTP 200
  'withdrawalInstructions.get':
    '{"data":{"id":"15416","type":"withdrawal_instructions","attributes":{"label":"label","schema":"bitex","body":{"city":"Dimension C-132","country":"PY","currency":"USD","further_instructions":"A further instructions","name":"Rick Sanchez","payment_method":"third_party","phone":"1122334455"}}}}',
  // spec/fixtures/withdrawal_instructions/create/domestic_bank.yml, HTTP 200
  'withdrawalInstructions.create':
    '{"data":{"id":"299","type":"withdrawal_instructions","attributes":{"label":"label","schema":"bitex","body":{"account_type":"savings","address":"a address","bank":"hsbc","bank_account_number":"12345678","cbu":"1234567812345678","cuit":"20112233344552","city":"Dimension C-132","country":"AR","currency":"USD","further_instructions":"A further instructions","name":"Rick Sanchez","payment_method":"domestic_bank","phone":"1122334455"}}}}',
  // spec/fixtures/withdrawal_instructions/destroy.yml, HTTP 204
  'withdrawalInstructions.delete': undefined,
  // spec/fixtures/coin_deposits/all/without_filters.yml, HTTP 200 (first 2 of 6 items)
  'coinDeposits.list':
    '{"data":[{"id":"2920","type":"coin_deposits","attributes":{"coin":"btc","amount":0.00285,"created_at":"2015-09-03T14:51:12.000Z"},"relationships":{"address":{"data":{"id":"38500","type":"bitcoin_addresses"}}}},{"id":"30227","type":"coin_deposits","attributes":{"coin":"bch","amount":0.00285,"created_at":"2018-02-15T00:34:07.843Z"},"relationships":{"address":{"data":{"id":"6387","type":"bcash_addresses"}}}}]}',
  // spec/fixtures/coin_deposits/find.yml, HTTP 200
  'coinDeposits.get':
    '{"data":{"id":"2920","type":"coin_deposits","attributes":{"coin":"btc","amount":0.00285,"created_at":"2015-09-03T14:51:12.000Z"},"relationships":{"address":{"data":{"id":"38500","type":"bitcoin_addresses"}}}}}',
  // spec/fixtures/cash_deposits/all/with_filters.yml, HTTP 200
  'cashDeposits.list':
    '{"data":[{"id":"24177","type":"cash_deposits","attributes":{"status":"done","requested_amount":null,"requested_currency":"USD","deposit_method":"bank","country":null,"clearing_data":null,"amount":500.0,"fiat_code":"USD","gross_amount":500.0,"cost":0.0,"fee":0.0,"net_amount":500.0,"created_at":"2019-01-07T20:03:53.617Z"},"relationships":{"funding_receipt":{"data":null}}}]}',
  // spec/fixtures/cash_deposits/find.yml, HTTP 200
  'cashDeposits.get':
    '{"data":{"id":"24177","type":"cash_deposits","attributes":{"status":"done","requested_amount":1000.0,"requested_currency":"USD","deposit_method":"bank","country":"AR","clearing_data":"data","amount":500.0,"fiat_code":"USD","gross_amount":500.0,"cost":0.0,"fee":0.0,"net_amount":500.0,"created_at":"2019-01-07T20:03:53.617Z"},"relationships":{"funding_receipt":{"data":null}}}}',
  // spec/fixtures/cash_deposit_instructions/all.yml, HTTP 200 (first 2 of 5 items; long text shortened)
  'cashDepositInstructions.list':
    '{"data":[{"id":"usd","type":"cash_deposit_instructions","attributes":{"currency":"usd","instructions":"<br/> - Una vez acreditada la transferencia local, procederemos a cargar el saldo en tu cuenta, que tendrás disponible p…"}},{"id":"ars","type":"cash_deposit_instructions","attributes":{"currency":"ars","instructions":"<br/> - Una vez acreditada la transferencia local, procederemos a cargar el saldo en tu cuenta, que tendrás disponible p…"}}]}',
  // spec/fixtures/api_keys/all.yml, HTTP 200 (first 2 of 6 items)
  'apiKeys.list':
    '{"data":[{"id":"176","type":"api_keys","attributes":{"token":"********************5a13b214a2","fund_account":false,"create_withdrawal":false,"get_withdrawal":false,"get_balances":false,"trading":false,"payments":false,"compliance":false,"api_keys":false}},{"id":"177","type":"api_keys","attributes":{"token":"********************a304080bcc","fund_account":false,"create_withdrawal":false,"get_withdrawal":false,"get_balances":false,"trading":false,"payments":false,"compliance":false,"api_keys":false}}]}',
  // spec/fixtures/api_keys/find.yml, HTTP 200
  'apiKeys.get':
    '{"data":{"id":"184","type":"api_keys","attributes":{"token":"bf5cd9831577960ab5b59acb72c5fd375954ff6ae9bfd8e23ead4b297ffca02cc29fb882f66a9459","fund_account":true,"create_withdrawal":false,"get_withdrawal":false,"get_balances":false,"trading":false,"payments":true,"compliance":false,"api_keys":true}}}',
  // spec/fixtures/api_keys/create.yml, HTTP 201
  'apiKeys.create':
    '{"data":{"id":"187","type":"api_keys","attributes":{"token":"dc554bcaf943cc6b89164d02e9dff24f85c7b5d4e1dda51a6422131a231a466b6e934f8602fa4f98","fund_account":true,"create_withdrawal":false,"get_withdrawal":false,"get_balances":false,"trading":false,"payments":true,"compliance":false,"api_keys":true}}}',
  // spec/fixtures/api_keys/destroy.yml, HTTP 204
  'apiKeys.delete': undefined,
  // spec/fixtures/webhooks/find.yml, HTTP 200
  'webhooks.list':
    '{"data":{"id":"1548361372","type":"webhooks","attributes":{"url":"https://webhooktest.com"}}}',
  // spec/fixtures/webhooks/create.yml, HTTP 200
  'webhooks.create':
    '{"data":{"id":"1548361352","type":"webhooks","attributes":{"url":"https://webhooktest.com"}}}',
  // spec/fixtures/payments/all.yml, HTTP 200 (first 2 of 18 items; included: the 2 referenced of 19)
  'payments.list':
    '{"data":[{"id":"16","type":"payments","attributes":{"amount":1.0,"callback_url":null,"confirmed_quantity":0.0,"currency_code":"btc","customer_reference":null,"expected_quantity":1.0,"keep":10.0,"kept":null,"last_quoted_on":"2015-08-13T15:09:05.000Z","merchant_reference":null,"overpaid":null,"quote_valid_until":"2015-08-13T16:09:05.000Z","settlement_amount":null,"settlement_currency":null,"status":"expired","unconfirmed_quantity":0.0,"valid_until":"2015-08-13T16:09:05.000Z"},"relationships":{"address":{"data":{"id":"34004","type":"bitcoin_addresses"}},"coin_deposits":{"data":[]}}},{"id":"17","type":"payments","attributes":{"amount":3000.0,"callback_url":null,"confirmed_quantity":0.0,"currency_code":"ars","customer_reference":null,"expected_quantity":0.76876,"keep":10.0,"kept":null,"last_quoted_on":"2015-08-13T16:09:26.000Z","merchant_reference":null,"overpaid":null,"quote_valid_until":"2015-08-13T16:10:26.000Z","settlement_amount":null,"settlement_currency":null,"status":"expired","unconfirmed_quantity":0.0,"valid_until":"2015-08-13T16:09:29.000Z"},"relationships":{"address":{"data":{"id":"34005","type":"bitcoin_addresses"}},"coin_deposits":{"data":[]}}}],"included":[{"id":"34004","type":"bitcoin_addresses","attributes":{"auto_sell":false,"public_address":"19V6nf7f4uHkLjYvKkKUthvLbEJUZvF19B"},"relationships":{"user":{"data":{"id":"3197","type":"users"}},"payment":{"data":{"id":"16","type":"payments"}}}},{"id":"34005","type":"bitcoin_addresses","attributes":{"auto_sell":false,"public_address":"13B4Rk6sCfgF1AGYrkMjtJShM8zg93YoQk"},"relationships":{"user":{"data":{"id":"3197","type":"users"}},"payment":{"data":{"id":"17","type":"payments"}}}}]}',
  // spec/fixtures/payments/find.yml, HTTP 200
  'payments.get':
    '{"data":{"id":"328","type":"payments","attributes":{"amount":10.0,"callback_url":null,"confirmed_quantity":0.00285,"currency_code":"ars","customer_reference":"Tarjeta Azul","expected_quantity":0.00285,"keep":10.0,"kept":0.00285,"last_quoted_on":"2015-09-03T14:31:37.000Z","merchant_reference":null,"overpaid":0.0,"quote_valid_until":"2015-09-03T14:32:37.000Z","settlement_amount":null,"settlement_currency":null,"status":"settled","unconfirmed_quantity":0.00285,"valid_until":"2015-09-03T15:31:37.000Z"},"relationships":{"address":{"data":{"id":"38500","type":"bitcoin_addresses"}},"coin_deposits":{"data":[{"id":"2920","type":"coin_deposits"}]}}},"included":[{"id":"38500","type":"bitcoin_addresses","attributes":{"auto_sell":false,"public_address":"19ygohr288PgzQxer2qHoJ3UeMacDM1KWc"},"relationships":{"user":{"data":{"id":"3197","type":"users"}},"payment":{"data":{"id":"328","type":"payments"}}}},{"id":"2920","type":"coin_deposits","attributes":{"coin":"btc","amount":0.00285,"created_at":"2015-09-03T14:51:12.000Z"},"relationships":{"address":{"data":{"id":"38500","type":"bitcoin_addresses"}}}}]}',
  // spec/fixtures/payments/create.yml, HTTP 200
  'payments.create':
    '{"data":{"id":"1534","type":"payments","attributes":{"amount":100.0,"callback_url":"https://myawesomesite.com/webhook","confirmed_quantity":0.0,"currency_code":"btc","customer_reference":"Purchase at My Store","expected_quantity":100.0,"keep":10.0,"kept":null,"last_quoted_on":"2019-01-24T16:39:48.700Z","merchant_reference":"Sale id: 2212","overpaid":null,"quote_valid_until":"2019-01-24T17:39:48.626Z","settlement_amount":null,"settlement_currency":null,"status":"pending","unconfirmed_quantity":0.0,"valid_until":"2019-01-24T17:39:48.626Z"},"relationships":{"address":{"data":{"id":"7073","type":"bitcoin_addresses"}},"coin_deposits":{"data":[]}}},"included":[{"id":"7073","type":"bitcoin_addresses","attributes":{"auto_sell":false,"public_address":"msxBvPqGCUxdnnNHimAzpBajctvPpcc5Ge"},"relationships":{"user":{"data":{"id":"592","type":"users"}},"payment":{"data":{"id":"1534","type":"payments"}}}}]}',
  // spec/fixtures/pos/create.yml, HTTP 200
  'pos.create':
    '{"data":{"id":"592","type":"pos","attributes":{"merchant_slug":"my-site","merchant_keep":10.0,"merchant_name":"My Site","merchant_logo":"https://mysite.com/logo","merchant_site":"https://mysite.com"}}}',
  // spec/fixtures/users/all.yml, HTTP 200
  'users.list':
    '{"data":[{"id":"594","type":"users","attributes":{"name":"user+test123@sample.com","email":"user+test123@sample.com","kyc_accepted":false,"otp_enabled":false,"do_not_email":false,"trezor_login_enabled":false}},{"id":"597","type":"users","attributes":{"name":"user+test1234@sample.com","email":"user+test1234@sample.com","kyc_accepted":false,"otp_enabled":false,"do_not_email":false,"trezor_login_enabled":false}}]}',
  // spec/fixtures/users/create.yml, HTTP 200
  'users.create':
    '{"data":{"id":"594","type":"users","attributes":{"name":"user+test123@sample.com","email":"user+test123@sample.com","kyc_accepted":false,"otp_enabled":false,"do_not_email":false,"trezor_login_enabled":false}}}',
  // spec/fixtures/compliance/issues/current.yml, HTTP 200 (included: the 9 referenced of 10)
  'issues.current':
    '{"data":{"id":"1521","type":"issues","attributes":{"state":"draft","created_at":1548705285,"updated_at":1548705285},"relationships":{"person":{"data":{"id":"203357","type":"people"}},"natural_docket_seed":{"data":{"id":"1475","type":"natural_docket_seeds"}},"legal_entity_docket_seed":{"data":null},"argentina_invoicing_detail_seed":{"data":{"id":"64","type":"argentina_invoicing_detail_seeds"}},"chile_invoicing_detail_seed":{"data":{"id":"16","type":"chile_invoicing_detail_seeds"}},"identification_seeds":{"data":[{"id":"2705","type":"identification_seeds"}]},"domicile_seeds":{"data":[{"id":"121","type":"domicile_seeds"}]},"phone_seeds":{"data":[{"id":"136","type":"phone_seeds"}]},"email_seeds":{"data":[{"id":"214","type":"email_seeds"}]},"allowance_seeds":{"data":[{"id":"100","type":"allowance_seeds"}]},"observations":{"data":[]},"note_seeds":{"data":[]}}},"included":[{"id":"203357","type":"people","attributes":{"enabled":false,"created_at":1548705219,"updated_at":1548705219},"relationships":{"identifications":{"data":[]},"domiciles":{"data":[]},"phones":{"data":[]},"emails":{"data":[]},"allowances":{"data":[]},"affinities":{"data":[]},"natural_dockets":{"data":[]},"legal_entity_dockets":{"data":[]},"argentina_invoicing_details":{"data":[]},"chile_invoicing_details":{"data":[]}}},{"id":"1475","type":"natural_docket_seeds","attributes":{"first_name":"Rick","last_name":"Sanchez","nationality":"AR","gender_code":"male","marital_status_code":"single","job_title":null,"job_description":null,"politically_exposed":false,"politically_exposed_reason":null,"birth_date":"1989-05-17","created_at":"2019-01-28T19:54:45.000Z","updated_at":"2019-01-28T19:54:45.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}},{"id":"64","type":"argentina_invoicing_detail_seeds","attributes":{"vat_status_code":"consumidor_final","tax_id":"20123456782","tax_id_kind_code":"cuil","receipt_kind_code":"b","full_name":"Rick Sanchez","country":"AR","address":"Dimension C-132","created_at":"2019-01-28T21:01:08.000Z","updated_at":"2019-01-28T21:01:08.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}},{"id":"16","type":"chile_invoicing_detail_seeds","attributes":{"vat_status_code":"consumidor_final","tax_id":"12053214-6","giro":"2332","ciudad":"Santiago","comuna":"Chile","created_at":"2019-01-28T21:09:43.000Z","updated_at":"2019-01-28T21:09:43.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}},{"id":"2705","type":"identification_seeds","attributes":{"identification_kind_code":"national_id","number":"12345678","issuer":"AR","public_registry_authority":null,"public_registry_book":null,"public_registry_extra_data":null,"created_at":"2019-01-28T20:05:21.000Z","updated_at":"2019-01-28T20:05:21.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[{"id":"1126","type":"attachments"}]}}},{"id":"121","type":"domicile_seeds","attributes":{"country":"AR","state":"zaraza","city":"CABA","street_address":"Balcarce","street_number":"50","postal_code":"1001","floor":"0","apartment":"9º B","created_at":"2019-01-28T20:43:17.000Z","updated_at":"2019-01-28T20:43:17.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}},{"id":"136","type":"phone_seeds","attributes":{"number":"1234567890","phone_kind_code":"main","country":"AR","has_whatsapp":true,"has_telegram":true,"note":"It´s a figure of speech, Morty! They´re bureaucrats! I don´t respect them. Just keep shooting, Morty! You have no idea what prison is like here!","created_at":"2019-01-28T21:22:03.000Z","updated_at":"2019-01-28T21:22:03.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}},{"id":"214","type":"email_seeds","attributes":{"address":"sdk+invoicing@whitelabeler.com","email_kind_code":"invoicing","created_at":"2019-01-28T20:50:07.000Z","updated_at":"2019-01-28T20:50:07.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}},{"id":"100","type":"allowance_seeds","attributes":{"kind_code":"usd","created_at":"2019-01-28T21:14:34.000Z","updated_at":"2019-01-28T21:14:34.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}}]}',
  // spec/fixtures/compliance/issues/complete.yml, HTTP 200
  'issues.complete': '{"data":{"id":"1521","type":"issues","attributes":{"state":"new"}}}',
  // spec/fixtures/compliance/natural_docket_seeds/create.yml, HTTP 201
  'naturalDocketSeeds.create':
    '{"data":{"id":"1475","type":"natural_docket_seeds","attributes":{"first_name":"Rick","last_name":"Sanchez","nationality":"AR","gender_code":"male","marital_status_code":"single","job_title":null,"job_description":null,"politically_exposed":false,"politically_exposed_reason":null,"birth_date":"1989-05-17","created_at":"2019-01-28T19:54:45.000Z","updated_at":"2019-01-28T19:54:45.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}}}',
  // spec/fixtures/compliance/identification_seeds/create.yml, HTTP 201
  'identificationSeeds.create':
    '{"data":{"id":"2705","type":"identification_seeds","attributes":{"identification_kind_code":"national_id","number":"12345678","issuer":"AR","public_registry_authority":null,"public_registry_book":null,"public_registry_extra_data":null,"created_at":"2019-01-28T20:05:21.000Z","updated_at":"2019-01-28T20:05:21.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}}}',
  // spec/fixtures/compliance/domicile_seeds/create.yml, HTTP 201
  'domicileSeeds.create':
    '{"data":{"id":"121","type":"domicile_seeds","attributes":{"country":"AR","state":"zaraza","city":"CABA","street_address":"Balcarce","street_number":"50","postal_code":"1001","floor":"0","apartment":"9º B","created_at":"2019-01-28T20:43:17.000Z","updated_at":"2019-01-28T20:43:17.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}}}',
  // spec/fixtures/compliance/phone_seeds/create.yml, HTTP 201
  'phoneSeeds.create':
    '{"data":{"id":"136","type":"phone_seeds","attributes":{"number":"1234567890","phone_kind_code":"main","country":"AR","has_whatsapp":true,"has_telegram":true,"note":"It´s a figure of speech, Morty! They´re bureaucrats! I don´t respect them. Just keep shooting, Morty! You have no idea what prison is like here!","created_at":"2019-01-28T21:22:03.000Z","updated_at":"2019-01-28T21:22:03.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}}}',
  // spec/fixtures/compliance/email_seeds/create.yml, HTTP 201
  'emailSeeds.create':
    '{"data":{"id":"214","type":"email_seeds","attributes":{"address":"sdk+invoicing@whitelabeler.com","email_kind_code":"invoicing","created_at":"2019-01-28T20:50:07.000Z","updated_at":"2019-01-28T20:50:07.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}}}',
  // spec/fixtures/compliance/note_seeds/create.yml, HTTP 201
  'noteSeeds.create':
    '{"data":{"id":"353","type":"note_seeds","attributes":{"title":"Identification note","body":"These are custom notes","created_at":"2019-01-28T20:33:21.000Z","updated_at":"2019-01-28T20:33:21.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}}}',
  // spec/fixtures/compliance/allowance_seed/create.yml, HTTP 201
  'allowanceSeeds.create':
    '{"data":{"id":"100","type":"allowance_seeds","attributes":{"kind_code":"usd","created_at":"2019-01-28T21:14:34.000Z","updated_at":"2019-01-28T21:14:34.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}}}',
  // spec/fixtures/compliance/argentina_invoicing_detail_seeds/create.yml, HTTP 201
  'argentinaInvoicingDetailSeeds.create':
    '{"data":{"id":"64","type":"argentina_invoicing_detail_seeds","attributes":{"vat_status_code":"consumidor_final","tax_id":"20123456782","tax_id_kind_code":"cuil","receipt_kind_code":"b","full_name":"Rick Sanchez","country":"AR","address":"Dimension C-132","created_at":"2019-01-28T21:01:08.000Z","updated_at":"2019-01-28T21:01:08.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}}}',
  // spec/fixtures/compliance/chile_invoicing_detail_seeds/create.yml, HTTP 201
  'chileInvoicingDetailSeeds.create':
    '{"data":{"id":"16","type":"chile_invoicing_detail_seeds","attributes":{"vat_status_code":"consumidor_final","tax_id":"12053214-6","giro":"2332","ciudad":"Santiago","comuna":"Chile","created_at":"2019-01-28T21:09:43.000Z","updated_at":"2019-01-28T21:09:43.000Z"},"relationships":{"issue":{"data":{"id":"1521","type":"issues"}},"attachments":{"data":[]}}}}',
  // spec/fixtures/compliance/attachments/create.yml, HTTP 201
  'attachments.create':
    '{"data":{"id":"1129","type":"attachments","attributes":{"document_file_name":"id_front.jpg","document_content_type":"image/jpeg","document_file_size":106129,"created_at":"2019-01-29T16:53:05.000Z","updated_at":"2019-01-29T16:53:05.000Z"},"relationships":{"attached_to_seed":{"data":{"id":"2707","type":"identification_seeds"}}}}}',
};

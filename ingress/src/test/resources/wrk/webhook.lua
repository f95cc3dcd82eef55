-- wrk -t2 -c100 -d25s -s webhook.lua http://127.0.0.1:8080/telegram/webhook  (docs/operations.md, "Ingress performance")
-- POSTs a realistic Telegram update (~520 bytes) with the secret header (TELEGRAM_WEBHOOK_SECRET must be
-- perf_secret_0123456789abcdef); a unique update_id per request, chat id (the Kafka key) spread over 500 group chats.
local threads = {}
local counter = 1
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
local n = 0
local template = '{"update_id":%d,"message":{"message_id":%d,"from":{"id":%d,"is_bot":false,"first_name":"Анна","last_name":"Хлебникова","username":"anna_bread","language_code":"ru"},"chat":{"id":%d,"title":"Пекарня на углу — заказы","type":"supergroup"},"date":1735689600,"text":"Хлеб бородинский, 2 буханки, и багет к 18:00 пожалуйста","entities":[{"offset":0,"length":4,"type":"bold"}]}}'
function init(args)
  n = tid * 100000000
end
function request()
  n = n + 1
  local chat = -1001000000000 - (n % 500)
  local body = string.format(template, n, n % 100000, 100000 + (n % 997), chat)
  return wrk.format("POST", "/telegram/webhook", {
    ["Content-Type"] = "application/json",
    ["X-Telegram-Bot-Api-Secret-Token"] = "perf_secret_0123456789abcdef"
  }, body)
end
function done(summary, latency, requests)
  io.write(string.format("RESULT req/s=%.0f p50=%.2fms p90=%.2fms p99=%.2fms errors(status)=%d non2xx_timeouts=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.timeout))
end

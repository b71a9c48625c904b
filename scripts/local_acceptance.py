"""Acceptance walk-through of ports, aging, deferred unassign and bulk jobs against a running local runtime.

Start the runtime (README, "The two commands"), then:
    python3 scripts/local_acceptance.py http://127.0.0.1:3000 all        # ports, aging, bulk (10^5 load: ~6 min)
    python3 scripts/local_acceptance.py http://127.0.0.1:3000 8          # ports only; 9 = aging and deferred unassign
    python3 scripts/local_acceptance.py http://127.0.0.1:3000 10 20000   # bulk with a smaller load
It prints what happened and how long it took; it asserts nothing (the test suite does).
Run it once per fresh runtime: it uses fixed numbers from the demo data.
"""
import json, sys, time, urllib.request, urllib.error
BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3100"
MASTER = "demo-master-token"; ADMIN = "local-admin-token"
def call(method, path, token=MASTER, body=None, headers=None):
    h = {"X-Auth-Token": token, "Content-Type": "application/json"}
    h.update(headers or {})
    req = urllib.request.Request(BASE + path, method=method, headers=h,
                                 data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")
def wait(pred, limit, step=1.0):
    t0 = time.time()
    while time.time() - t0 < limit:
        v = pred()
        if v: return v, time.time() - t0
        time.sleep(step)
    return None, time.time() - t0
ADDR = {"street": "123 Main St", "city": "San Francisco", "state": "CA", "postal_code": "94102", "country": "US"}
def port_body(numbers, account="123456789"):
    b = {"account_number": account, "carrier_name": "Previous Provider", "billing_phone": numbers[0],
         "end_user_name": "John Doe", "end_user_address": ADDR}
    if len(numbers) == 1: b["number"] = numbers[0]
    else: b["numbers"] = numbers
    return b
def port_status(pid):
    s, r = call("GET", "/v2/ports/" + pid); return r["data"]
which = sys.argv[2] if len(sys.argv) > 2 else "all"
if which in ("all", "8"):
    print("== issue 8")
    s, r = call("POST", "/v2/ports", body=port_body(["+14155551234"]), headers={"Idempotency-Key": "check-port-1"})
    print("create seed port:", s, r["data"]["id"], r["data"]["status"]); pid = r["data"]["id"]
    d, t = wait(lambda: (lambda p: p if p["status"] in ("completed", "failed") else None)(port_status(pid)), 120)
    print(f"seed port -> {d and d['status']} in {t:.1f} s; carrier_status={d and d.get('carrier_status')} messages={d and d.get('messages')}")
    s, n = call("GET", "/v2/numbers/%2B14155551234")
    print("number:", s, json.dumps(n)[:300])
    s, r = call("POST", "/v2/ports", body=port_body(["+14155557001"], account="999000111")); pid = r["data"]["id"]
    d, t = wait(lambda: (lambda p: p if p["status"] in ("completed", "failed") else None)(port_status(pid)), 120)
    print(f"999 port -> {d['status']} in {t:.1f} s, messages={d.get('messages')}, numbers={[ (x.get('number'), x.get('status'), x.get('reason')) for x in d.get('numbers', [])]}")
    s, r = call("PATCH", "/v2/ports/" + pid, body={"account_number": "123456789"}); print("PATCH:", s, r["data"]["status"] if s == 200 else r)
    d, t = wait(lambda: (lambda p: p if p["status"] in ("completed", "failed") else None)(port_status(pid)), 120)
    print(f"corrected port -> {d['status']} in {t:.1f} s")
    s, r = call("POST", "/v2/ports", body=port_body(["+14155557002", "+14155550000"])); pid = r["data"]["id"]
    d, t = wait(lambda: (lambda p: p if p["status"] in ("completed", "failed") else None)(port_status(pid)), 120)
    print(f"two-number port -> {d['status']} in {t:.1f} s, numbers={[ (x.get('number'), x.get('status'), x.get('reason')) for x in d.get('numbers', [])]}")
    s, r = call("POST", "/v2/ports", body=port_body(["+14155557003"])); pid = r["data"]["id"]
    s, r = call("DELETE", "/v2/ports/" + pid); print("cancel pending:", s, r["data"]["status"] if s == 200 else r)
    s, n = call("GET", "/v2/numbers/%2B14155557003"); print("cancelled port's number:", s, (n.get("error") or {}).get("code") if isinstance(n, dict) else n)
    time.sleep(5); print("after 5 s:", port_status(pid)["status"])
def enc(n): return n.replace("+", "%2B")
def details(n):
    s, r = call("GET", "/v2/accounts/MA_demo/phone_numbers/" + enc(n)); return s, r
if which in ("all", "9"):
    print("== issue 9")
    N = "+14152000014"
    s, r = call("PUT", "/v2/accounts/MA_demo/phone_numbers/" + enc(N), body={"data": {}}); print("buy:", s)
    t0 = time.time()
    s, r = call("DELETE", "/v2/accounts/MA_demo/phone_numbers/" + enc(N)); print("release:", s, json.dumps(r)[:300])
    def found():
        s, r = call("GET", "/v2/phone_numbers?prefix=415200001&quantity=20")
        return N in json.dumps(r)
    ok, t = wait(found, 240, 2); print(f"released number back in search: {bool(ok)} after {t:.1f} s")
    s, r = call("PUT", "/v2/accounts/MA_demo/phone_numbers/" + enc(N), body={"data": {}}); print(f"bought again: {s} at {time.time()-t0:.1f} s after the release")
    # deferred unassign in cool-off
    for label, N, extra_call in (("no call during the wait", "+14152000012", False), ("a call during the wait", "+14152000013", True)):
        s, r = call("PUT", "/v2/accounts/MA_demo/phone_numbers/" + enc(N), body={"data": {}})
        s2, r2 = call("POST", "/v2/subaccounts/SA_demo1/numbers", body={"number": N})
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        s3, r3 = call("POST", "/v2/admin/call-activity", token=ADMIN, body={"number": N, "at": now})
        t0 = time.time()
        s4, r4 = call("DELETE", "/v2/subaccounts/SA_demo1/numbers/" + enc(N) + "?defer=true")
        print(label, ": buy", s, "assign", s2, "call", s3, "defer ->", s4, json.dumps(r4)[:250])
        s5, r5 = call("DELETE", "/v2/subaccounts/SA_demo1/numbers/" + enc(N) + "?defer=true"); print("  asked twice ->", s5, json.dumps(r5)[:200])
        print("  details while scheduled:", json.dumps(details(N)[1])[:400])
        if extra_call:
            time.sleep(10)
            now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            print("  call during the wait:", call("POST", "/v2/admin/call-activity", token=ADMIN, body={"number": N, "at": now})[0], "at", f"{time.time()-t0:.1f} s")
        def back():
            s, r = details(N)
            txt = json.dumps(r)
            return r if "SA_demo1" not in txt else None
        ok, t = wait(back, 170, 1); print(f"  back in MA_demo's pool: {bool(ok)} after {t:.1f} s;", json.dumps(ok)[:300] if ok else "")
    s, r = call("GET", "/v2/admin/audit?number=" + enc("+14152000012"), token=ADMIN)
    print("  audit of +14152000012:", [ (x.get("action") or x.get("event"), x.get("from"), x.get("to")) for x in (r.get("data") or {}).get("records", [])][-4:])
if which in ("all", "10"):
    print("== issue 10")
    total = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
    t0 = time.time(); jobs = []
    for chunk in range(total // 10000):
        nums = [{"number": "+17372%06d" % (chunk * 10000 + i), "city": "Austin", "state": "TX", "type": "local"} for i in range(10000)]
        s, r = call("POST", "/v2/admin/inventory", token=ADMIN, body={"numbers": nums})
        jobs.append(r["data"]["id"])
    print(f"submitted {total} numbers in {len(jobs)} load jobs in {time.time()-t0:.1f} s")
    def all_done():
        st = [call("GET", "/v2/jobs/" + j + "?results_limit=1", token=ADMIN)[1]["data"] for j in jobs]
        return st if all(x["status"] in ("completed", "completed_with_errors", "failed") for x in st) else None
    st, t = wait(all_done, 1800, 5)
    print(f"load of {total}: done={bool(st)} in {time.time()-t0:.1f} s; statuses={[ (x['status'], x['succeeded'], x['failed']) for x in (st or [])]}")
    s, r = call("GET", "/v2/phone_numbers?prefix=737200&quantity=5"); print("search 737000..:", s, json.dumps(r)[:300])
    s, r = call("GET", "/v2/phone_numbers?prefix=737209&quantity=5"); print("search 737999..:", s, json.dumps(r)[:300])
    print("credit:", call("POST", "/v2/accounts/MA_demo/credits", token=ADMIN, body={"amount": 5000.00})[0])
    ops = [{"action": "purchase", "number": "+17372%06d" % (50000 + i)} for i in range(1000)]
    t0 = time.time()
    s, r = call("POST", "/v2/numbers/bulk", body={"customer_reference": "thousand", "operations": ops}, headers={"Idempotency-Key": "check-thousand"})
    jid = r["data"]["id"]; print("purchase job:", s, jid)
    def done():
        d = call("GET", "/v2/jobs/" + jid + "?results_limit=1000")[1]["data"]
        return d if d["status"] in ("completed", "completed_with_errors", "failed") else None
    d, t = wait(done, 900, 2)
    res = d["results"] if d else []
    print(f"1,000-number purchase job: {d and d['status']} in {t:.1f} s; succeeded={d and d['succeeded']} failed={d and d['failed']}; results={len(res)}; first={res[:1]}")

-- wrk script: POST one household to /api/v1/advice (the full advice, the odds included).
wrk.method = "POST"
wrk.body = '{"land": "7000", "capital": "150tr", "flood": "occasional", "members": 4}'
wrk.headers["Content-Type"] = "application/json"

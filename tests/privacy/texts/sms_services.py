"""Stand-ins for GOV.UK Notify's and Twilio's APIs, on 127.0.0.1.

Each answers the way the real service does (status codes, JSON bodies,
checking the credentials), so the real clients are driven end to end over
HTTP. ``fail_next`` makes the next answers errors, to test retries.
"""

import base64
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import jwt


class SmsService:
    """A small HTTP server; subclasses answer one service's text-sending call."""

    def __init__(self):
        self.requests = []
        self.failures = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                status, answer = service.answer(self.path, dict(self.headers), body)
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.server.server_address
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, status, times=1):
        self.failures.extend([status] * times)

    @property
    def delivered(self):
        """The texts the service accepted."""
        return [request for request in self.requests if request["accepted"]]


class FakeNotify(SmsService):
    """GOV.UK Notify's ``POST /v2/notifications/sms`` (JWT bearer, JSON)."""

    SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
    SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
    API_KEY = f"copro_test-{SERVICE_ID}-{SECRET}"
    TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"

    @staticmethod
    def error(status, kind, message):
        return status, {"status_code": status, "errors": [{"error": kind, "message": message}]}

    def answer(self, path, headers, body):
        request = {"path": path, "json": json.loads(body or "{}"), "accepted": False}
        self.requests.append(request)
        token = headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            claims = jwt.decode(token, self.SECRET, algorithms=["HS256"])
        except jwt.PyJWTError:
            return self.error(403, "AuthError", "Invalid token: API key not found")
        if claims.get("iss") != self.SERVICE_ID:
            return self.error(403, "AuthError", "Invalid token: service not found")
        if path != "/v2/notifications/sms":
            return self.error(404, "NotFound", "Not found")
        if self.failures:
            status = self.failures.pop(0)
            if status == 400:
                number = request["json"].get("phone_number")
                return self.error(400, "ValidationError", f"phone_number {number} is not allowed")
            return self.error(status, "Exception", "Internal server error")
        request["accepted"] = True
        data = request["json"]
        notification_id = str(uuid.uuid4())
        return 201, {
            "id": notification_id,
            "reference": data.get("reference"),
            "content": {"body": data["personalisation"]["body"], "from_number": "CoPro"},
            "uri": f"https://api.notifications.service.gov.uk/v2/notifications/{notification_id}",
            "template": {"id": data["template_id"], "version": 1, "uri": "https://example"},
        }


class FakeTwilio(SmsService):
    """Twilio's ``POST /2010-04-01/Accounts/<sid>/Messages.json`` (basic auth, form)."""

    ACCOUNT_SID = "AC" + "0" * 31 + "1"
    AUTH_TOKEN = "test-auth-token"  # noqa: S105
    FROM = "+447700900000"

    @staticmethod
    def error(status, code, message):
        return status, {
            "code": code,
            "message": message,
            "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status,
        }

    def answer(self, path, headers, body):
        form = {key: values[0] for key, values in parse_qs(body).items()}
        request = {"path": path, "form": form, "accepted": False}
        self.requests.append(request)
        expected = base64.b64encode(f"{self.ACCOUNT_SID}:{self.AUTH_TOKEN}".encode()).decode()
        if headers.get("Authorization") != f"Basic {expected}":
            return self.error(401, 20003, "Authenticate")
        if path != f"/2010-04-01/Accounts/{self.ACCOUNT_SID}/Messages.json":
            return self.error(404, 20404, "The requested resource was not found")
        if self.failures:
            status = self.failures.pop(0)
            if status == 400:
                return self.error(400, 21211, f"Invalid 'To' Phone Number: {form.get('To')}")
            return self.error(status, 20500, "Internal Server Error")
        request["accepted"] = True
        sid = "SM" + uuid.uuid4().hex
        return 201, {
            "sid": sid,
            "account_sid": self.ACCOUNT_SID,
            "to": form["To"],
            "from": form.get("From"),
            "messaging_service_sid": form.get("MessagingServiceSid"),
            "body": form["Body"],
            "status": "queued",
            "num_segments": "1",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
            "uri": f"/2010-04-01/Accounts/{self.ACCOUNT_SID}/Messages/{sid}.json",
        }

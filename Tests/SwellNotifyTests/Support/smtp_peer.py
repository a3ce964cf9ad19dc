"""An independent SMTP peer for SwellNotify's tests: aiosmtpd on 127.0.0.1.

Writes `ready.json` ({"port": N}) into --dir once it listens, and one JSON file per received message into
--dir/messages, decoded with Python's own `email` package: envelope, decoded headers, both bodies, whether
the session was TLS and who authenticated. Exits when its standard input closes (the test process is gone)
or after --lifetime seconds, whichever comes first.
"""
import argparse
import email
import email.policy
import json
import os
import socket
import ssl
import sys
import threading
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Recorder:
    def __init__(self, directory, rejections):
        self.directory = directory
        self.rejections = rejections  # address -> "550 5.1.1 ..."

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.rejections:
            return self.rejections[address]
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = message.get_body(("plain",))
        html = message.get_body(("html",))
        record = {
            "mail_from": envelope.mail_from,
            "mail_options": envelope.mail_options,
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "headers": {name: str(value) for name, value in message.items()},
            "content_type": message.get_content_type(),
            "text": text.get_content() if text is not None else None,
            "html": html.get_content() if html is not None else None,
            "defects": [repr(defect) for part in message.walk() for defect in part.defects],
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "auth_login": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
            "auth_mechanism": getattr(session, "swell_mechanism", None),
            "raw": envelope.original_content.decode("utf-8", "replace"),
        }
        name = uuid.uuid4().hex
        messages = os.path.join(self.directory, "messages")
        with open(os.path.join(messages, name + ".tmp"), "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(os.path.join(messages, name + ".tmp"), os.path.join(messages, name + ".json"))
        return "250 2.0.0 Ok: queued as " + name


def authenticator(expected_user, expected_password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == expected_user
              and auth_data.password.decode() == expected_password)
        if ok:
            session.swell_mechanism = mechanism
        # handled=False: aiosmtpd itself answers a failure with 535.
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
    return check


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--cert", help="PEM certificate for --starttls / --implicit-tls")
    parser.add_argument("--key", help="PEM private key for --starttls / --implicit-tls")
    parser.add_argument("--starttls", action="store_true", help="offer and require STARTTLS")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte")
    parser.add_argument("--auth", help="USER:PASSWORD; AUTH is then required (and offered only over TLS)")
    parser.add_argument("--exclude-mechanism", action="append", default=[], help="e.g. PLAIN, to force LOGIN")
    parser.add_argument("--reject", action="append", default=[], help='ADDRESS=REPLY, e.g. "x@y=550 5.1.1 no"')
    parser.add_argument("--lifetime", type=float, default=120)
    args = parser.parse_args()

    os.makedirs(os.path.join(args.dir, "messages"), exist_ok=True)
    rejections = dict(item.split("=", 1) for item in args.reject)
    smtp = {"server_hostname": "peer.swell.test", "data_size_limit": 1_000_000}
    controller_tls = None
    if args.starttls or args.implicit_tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.starttls:
            smtp.update(tls_context=context, require_starttls=True)
        else:
            controller_tls = context
    if args.auth:
        user, password = args.auth.split(":", 1)
        smtp.update(authenticator=authenticator(user, password), auth_required=True,
                    auth_require_tls=args.starttls or args.implicit_tls,
                    auth_exclude_mechanism=args.exclude_mechanism)

    for attempt in range(5):
        port = free_port()
        controller = Controller(Recorder(args.dir, rejections), hostname="127.0.0.1", port=port,
                                ssl_context=controller_tls, **smtp)
        try:
            controller.start()
            break
        except OSError:
            if attempt == 4:
                raise
    with open(os.path.join(args.dir, "ready.tmp"), "w") as out:
        json.dump({"port": port}, out)
    os.rename(os.path.join(args.dir, "ready.tmp"), os.path.join(args.dir, "ready.json"))

    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait(args.lifetime)
    controller.stop()


if __name__ == "__main__":
    main()

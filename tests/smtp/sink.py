#!/usr/bin/env python3
"""An SMTP sink for rt's tests: a real SMTP server (aiosmtpd, from PyPI) on 127.0.0.1.

    sink.py PORT [USER PASSWORD]

Prints READY once it listens, then one JSON line per delivered message: the envelope's
sender and recipients, the message as received, and who logged in. With USER and PASSWORD
it requires that login (AUTH PLAIN/LOGIN, allowed without TLS since it is local). Any
recipient whose address starts with "refuse" is refused with 550, as a real server refuses
an unknown mailbox. Runs until its standard input closes.
"""
import json
import logging
import sys
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        auth = session.auth_data
        login = auth.login.decode() if isinstance(auth, LoginPassword) else None
        print(json.dumps({
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "data": envelope.original_content.decode("utf-8", "replace"),
            "login": login,
        }), flush=True)
        return "250 2.0.0 Message accepted for delivery"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data)
    return check


def main():
    # Login without TLS is what this local test wants; aiosmtpd would warn about it.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    port = int(sys.argv[1])
    options = {}
    if len(sys.argv) >= 4:
        options = dict(authenticator=authenticator(sys.argv[2], sys.argv[3]),
                       auth_require_tls=False, auth_required=True)
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, **options)
    controller.start()
    print("READY", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()

# A chat client written the way the original Python client is: each line typed is sent with
# one socket.send() and no line end, "exit" too. Standard library only.
# Usage: python3 original_client.py HOST PORT   (lines to send on standard input)
import socket
import sys
import threading


def receive(sock):
    while True:
        data = sock.recv(1024)
        if not data:
            break
        print(data.decode("utf-8", "replace"), end="", flush=True)


host, port = sys.argv[1], int(sys.argv[2])
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((host, port))
threading.Thread(target=receive, args=(sock,), daemon=True).start()
while True:
    message = sys.stdin.readline()
    if not message:
        break
    message = message.rstrip("\n")
    sock.send(message.encode("utf-8"))
    if message == "exit":
        break
sock.close()

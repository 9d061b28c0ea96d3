# interrupt.py PORT BINARY - gdb's interrupt, in the remote protocol itself
# (gdb -batch cannot interrupt a program it let run): continue, send 0x03,
# expect a SIGINT stop (T02) of the one thread, read pc, set the flag the
# program spins on, continue to its exit (W05).
import re
import socket
import subprocess
import sys
import time

port, binary = int(sys.argv[1]), sys.argv[2]
machine = int.from_bytes(open(binary, "rb").read()[18:20], "little")
nm = "riscv64-linux-gnu-nm" if machine == 243 else "aarch64-linux-gnu-nm"
nm = subprocess.run([nm, binary], capture_output=True, text=True).stdout
flag = int(re.search(r"^([0-9a-f]+) \w flag$", nm, re.M).group(1), 16)
conn = socket.create_connection(("127.0.0.1", port), timeout=20)


def send(data):
    conn.sendall(b"$%s#%02x" % (data.encode(), sum(data.encode()) & 0xFF))
    if conn.recv(1) != b"+":
        sys.exit("no acknowledgement")


def reply():
    buf = b""
    while not re.search(rb"\$([^#]*)#..", buf):
        buf += conn.recv(4096)
    conn.sendall(b"+")
    return re.search(rb"\$([^#]*)#..", buf).group(1).decode()


send("?")
print("first stop:", re.sub(r"thread:[0-9a-f]+;", "thread:T;", reply()))
send("vCont;c")
time.sleep(0.3)
conn.sendall(b"\x03")
print("after ^C:", re.sub(r"thread:[0-9a-f]+;", "thread:T;", reply()))
send("p20")  # pc: register 32 for aarch64 and riscv64 alike
pc = int.from_bytes(bytes.fromhex(reply()), "little")
print("pc in main:", 0 < pc - int(re.search(r"^([0-9a-f]+) T main$", nm, re.M).group(1), 16) < 64)
send("M%x,4:01000000" % flag)
print("set flag:", reply())
send("vCont;c")
print("end:", reply())

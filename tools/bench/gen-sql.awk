# gen-sql.awk - a deterministic SQL script for the sqlite3 benchmark:
# `awk -v rows=N -f gen-sql.awk | sqlite3 :memory:` creates two tables, inserts
# N rows with one INSERT statement each (in one transaction), queries them
# without an index, creates an index, and queries again: joins, GROUP BY,
# ORDER BY, LIKE and range scans. Integers and text only (no floating point),
# so every build prints the same. Park-Miller random numbers as in gen-text.awk.

function rand31() { seed = (seed * 16807) % 2147483647; return seed }
function name(n,   s) { s = ""; do { s = s substr("bcdfghklmnprstvz", 1 + n % 16, 1) substr("aeiou", 1 + int(n / 16) % 5, 1); n = int(n / 80) } while (n > 0); return s }

BEGIN {
  seed = 4242
  print "CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT, city INTEGER);"
  print "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER, amount INTEGER, note TEXT);"
  print "BEGIN;"
  ncust = int(rows / 10)
  for (i = 1; i <= ncust; i++)
    printf "INSERT INTO customer VALUES(%d, '%s', %d);\n", i, name(rand31()), rand31() % 100
  for (i = 1; i <= rows; i++)
    printf "INSERT INTO orders VALUES(%d, %d, %d, '%s');\n", i, 1 + rand31() % ncust, rand31() % 100000, name(rand31())
  print "COMMIT;"
  # without an index: full scans
  print "SELECT count(*), sum(amount), min(amount), max(amount) FROM orders;"
  print "SELECT customer, count(*), sum(amount) FROM orders WHERE customer % 97 = 3 GROUP BY customer ORDER BY 3 DESC LIMIT 10;"
  print "SELECT count(*) FROM orders WHERE note LIKE '%ba%';"
  print "CREATE INDEX orders_customer ON orders(customer);"
  print "CREATE INDEX orders_amount ON orders(amount);"
  # with the indexes: lookups, a join, range scans, sorting
  print "SELECT c.city, count(*), sum(o.amount) FROM customer c JOIN orders o ON o.customer = c.id GROUP BY c.city ORDER BY c.city;"
  print "SELECT count(*), sum(amount) FROM orders WHERE amount BETWEEN 25000 AND 26000;"
  print "SELECT o.id, c.name, o.amount FROM orders o JOIN customer c ON c.id = o.customer ORDER BY o.amount DESC, o.id LIMIT 20;"
  print "SELECT name, count(*) FROM customer GROUP BY name HAVING count(*) > 1 ORDER BY 2 DESC, 1 LIMIT 10;"
  print "UPDATE orders SET amount = amount + 1 WHERE customer % 7 = 0;"
  print "DELETE FROM orders WHERE amount < 1000;"
  print "SELECT count(*), sum(amount) FROM orders;"
}

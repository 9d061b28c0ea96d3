# bench.pl - a CPU-bound Perl workload for tools/bench.sh: regular
# expressions, hashes, string building, sort and sprintf. Only core Perl
# (nothing outside perl-base). Deterministic: prints the same lines everywhere.
use strict;
use warnings;

sub fib { my $n = shift; return $n < 2 ? $n : fib($n - 1) + fib($n - 2) }

# text: words built from a generator, a regex pass with captures, substitutions
sub text {
  my ($n) = @_;
  my ($x, @w) = (12345);
  for (1 .. $n) {
    $x = ($x * 1103515245 + 12345) % 2147483648;
    push @w, sprintf("w%d_%x", $x % 100000, $x);
  }
  my $s = join ' ', @w;
  my ($hits, $sum) = (0, 0);
  while ($s =~ /w(\d+)_([0-9a-f]*7[0-9a-f]*)/g) { $hits++; $sum += $1 }
  (my $t = $s) =~ s/([aeiou])(\d)/$2$1/g;
  $t =~ tr/a-f/A-F/;
  return (length $s, $hits, $sum, substr($t, -24));
}

# hashes: word frequencies, then the top words sorted by count then name
sub hashes {
  my ($n) = @_;
  my ($x, %freq) = (777);
  for (1 .. $n) {
    $x = ($x * 69069 + 1) % 4294967296;
    $freq{'k' . ($x >> 20) % 3000}++;
  }
  my @top = (sort { $freq{$b} <=> $freq{$a} or $a cmp $b } keys %freq)[0 .. 4];
  return join ',', map { "$_=$freq{$_}" } @top;
}

print "fib ", fib(24), "\n";
print "text @{[text(250000)]}\n";
print "hashes ", hashes(800000), "\n";

# bench.gp - the bar chart of tools/bench.sh: per row, the time under xrun and
# under qemu-aarch64 relative to the native run (log scale: 1 = native speed).
#   gnuplot -e "csv='o/bench/bench.csv'; png='o/bench/bench.png'" tools/bench/bench.gp
# Columns of the csv: 1 program, 9 xrun/native, 10 qemu/native ("-" = failed).

set terminal pngcairo size 1400,700 font "DejaVu Sans,11" noenhanced
set output png
set datafile separator ","
set datafile missing "-"
set title "Debian programs and C benchmarks: run time relative to native x86-64 (lower is better)"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y 2
set yrange [0.5:*]
set ylabel "time / native time (log scale)"
set grid ytics
set xtics rotate by -40 left nomirror
set key top left
set bmargin 9
set rmargin 8
plot csv using 9:xtic(1) skip 1 title "xrun / native" linecolor rgb "#1f77b4", \
     ''  using 10 skip 1 title "qemu / native" linecolor rgb "#ff7f0e", \
     1 notitle with lines dashtype 2 linecolor rgb "black"

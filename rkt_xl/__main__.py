from rkt_xl.cli import main

main()

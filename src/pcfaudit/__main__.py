from pcfaudit.cli import main

main()

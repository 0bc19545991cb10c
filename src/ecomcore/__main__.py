"""``python -m ecomcore``: a short guided tour that prints real results."""

from ecomcore.cli.tour import main

if __name__ == "__main__":
    main()

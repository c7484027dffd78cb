from market_warehouse.cli import main

raise SystemExit(main())

# Shortcuts; every target goes through tasks.py, which needs only Python 3.
.PHONY: run test lint demo-data bench
run:
	python3 tasks.py run
test:
	python3 tasks.py test
lint:
	python3 tasks.py lint
demo-data:
	python3 tasks.py demo-data
bench:
	python3 tasks.py bench

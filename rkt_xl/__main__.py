from rkt_xl.cli import keluar

if __name__ == "__main__":
    keluar()

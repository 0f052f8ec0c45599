# The seed's multiprocessing example, verbatim: run.sh times it against examples/seed/squares.cpp.
import multiprocessing
def calculate_square(number):
    result = number * number
    print(f"The square of {number} is {result}")
    return result
if __name__ == "__main__":
    numbers = [1, 2, 3, 4, 5, 6, 7, 8]
    # Create a pool of worker processes
    with multiprocessing.Pool(processes=4) as pool:
        # The pool.map function distributes the work across the processes
        results = pool.map(calculate_square, numbers)
    print(f"Final results: {results}")

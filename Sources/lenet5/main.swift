print("lenet5")

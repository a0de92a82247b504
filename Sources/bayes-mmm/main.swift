import ArgumentParser
import BayesMMM

BayesMMMCommand.main()
